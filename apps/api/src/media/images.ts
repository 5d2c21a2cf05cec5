import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_WIDTHS } from '@motesplats/domain';
import { DomainFailure } from '@motesplats/domain';
import { createHash } from 'node:crypto';

/** A stored rendition of an upload. */
export interface Rendition {
  width: number;
  height: number;
  bytes: Uint8Array;
  sha256: string;
}

const refuse = (code: string, message: string, params?: Record<string, number>): never => {
  throw new DomainFailure({
    kind: 'invalid',
    issues: [{ path: 'file', code, message, ...(params ? { params } : {}) }],
  });
};

/** What the first bytes say the file is; only raster formats we decode, and SVG to inspect. */
function sniff(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'svg' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024));
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'svg';
  return null;
}

/**
 * An SVG is accepted only as a plain drawing, and even then it is rasterized: no scripts,
 * event handlers, foreign objects, external references or entities (which librsvg could
 * otherwise follow to files or the network).
 */
function assertPlainSvg(bytes: Uint8Array) {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const unsafe =
    /<script|<foreignObject|<!ENTITY|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg|webp);)/i;
  if (unsafe.test(text)) refuse('unsafe_svg', 'the SVG contains scripts or external references');
}

/**
 * Checks an upload and renders it as WebP at the stored widths (a venue photo's, or a logo's
 * LOGO_WIDTHS): decoded by sharp (libvips), turned upright by its EXIF orientation, then
 * written without any metadata (no camera data, no GPS position). sharp is loaded on first
 * use, not at server start.
 */
export async function renderPhoto(
  bytes: Uint8Array,
  widths: readonly number[] = PHOTO_WIDTHS,
): Promise<Rendition[]> {
  if (bytes.byteLength === 0) refuse('empty_file', 'the file is empty');
  if (bytes.byteLength > PHOTO_MAX_BYTES)
    refuse('file_too_large', 'the file is too large', { maximum: PHOTO_MAX_BYTES });
  const kind = sniff(bytes);
  if (!kind) refuse('not_an_image', 'the file is not a JPEG, PNG, WebP, GIF, AVIF or SVG image');
  if (kind === 'svg') assertPlainSvg(bytes);

  const { default: sharp } = await import('sharp');
  const input = () =>
    sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error', animated: false });
  let meta;
  try {
    meta = await input().metadata();
  } catch {
    return refuse('not_an_image', 'the file could not be read as an image');
  }
  if (!meta.width || !meta.height) return refuse('not_an_image', 'the image has no size');
  const renditions: Rendition[] = [];
  for (const width of widths) {
    try {
      const { data, info } = await input()
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      const out = new Uint8Array(data);
      renditions.push({
        width: info.width,
        height: info.height,
        bytes: out,
        sha256: createHash('sha256').update(out).digest('hex'),
      });
    } catch {
      return refuse('not_an_image', 'the image could not be decoded');
    }
  }
  return renditions;
}

export { renditionId, renditionIds } from '@motesplats/db';

export const mediaUrl = (id: string) => `/media/${id}.webp`;
export const mediaIdOf = (url: string): string | null =>
  /^\/media\/([0-9a-f-]{36})\.webp$/.exec(url)?.[1] ?? null;
