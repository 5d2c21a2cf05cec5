import { PHOTO_WIDTHS, type LocalizedText } from '@motesplats/domain';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renditionIds } from '../media-ids';
import type * as s from '../schema/index';

/**
 * The demo events' images: drawings (seed-images/src/*.svg) rendered once through the
 * uploads' pipeline by scripts/demo-images.ts into WebP files at PHOTO_WIDTHS, stored here
 * as the media rows an upload makes, so the demo shows what an association's upload shows.
 */
export const defaultSeedImagesFolder = (): string =>
  fileURLToPath(new URL('../../seed-images', import.meta.url));

/** An event's image as the schedule plans it: the files are read when the rows are made. */
export interface PlannedImage {
  mainId: string;
  municipalityId: string;
  /** The drawing's name: seed-images/<file>-<width>.webp. */
  file: string;
  alt: LocalizedText;
  createdBy: string | null;
  createdAt: Date;
}

type Manifest = Record<string, { file: string; width: number; height: number }[]>;

/** The media rows of the planned images, each file read once however many events show it. */
export function imageRows(planned: readonly PlannedImage[], folder: string) {
  if (planned.length === 0) return [];
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  const files = new Map<string, Uint8Array>();
  const read = (file: string) => {
    let bytes = files.get(file);
    if (!bytes) files.set(file, (bytes = new Uint8Array(readFileSync(join(folder, file)))));
    return bytes;
  };
  return planned.flatMap((image) => {
    const renditions = manifest[image.file];
    if (renditions?.length !== PHOTO_WIDTHS.length)
      throw new Error(`Demo image ${image.file} is missing: run npx tsx scripts/demo-images.ts.`);
    const ids = renditionIds(image.mainId, PHOTO_WIDTHS);
    return renditions.map((r, i): (typeof s.media)['$inferInsert'] => {
      const bytes = read(r.file);
      return {
        id: ids[i]!,
        municipalityId: image.municipalityId,
        contentType: 'image/webp',
        width: r.width,
        height: r.height,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        alt: image.alt,
        createdBy: image.createdBy,
        createdAt: image.createdAt,
      };
    });
  });
}
