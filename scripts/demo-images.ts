// Renders the demo events' illustrations (packages/db/seed-images/src/*.svg) through the
// uploads' own pipeline (renderPhoto: WebP at PHOTO_WIDTHS, no metadata) into the files the
// demo seed stores as media: packages/db/seed-images/<name>-<width>.webp, and manifest.json
// with each rendition's size and SHA-256. Run after changing a drawing:
//   npx tsx scripts/demo-images.ts
import { PHOTO_WIDTHS } from '@motesplats/domain';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPhoto } from '../apps/api/src/media/images';

const folder = fileURLToPath(new URL('../packages/db/seed-images', import.meta.url));
for (const old of readdirSync(folder).filter((f) => f.endsWith('.webp'))) rmSync(join(folder, old));
const manifest: Record<string, { file: string; width: number; height: number; sha256: string }[]> =
  {};
for (const svg of readdirSync(join(folder, 'src'))
  .filter((f) => f.endsWith('.svg'))
  .sort()) {
  const name = svg.replace(/\.svg$/, '');
  const renditions = await renderPhoto(readFileSync(join(folder, 'src', svg)), PHOTO_WIDTHS);
  manifest[name] = renditions.map((r) => {
    const file = `${name}-${r.width}.webp`;
    writeFileSync(join(folder, file), r.bytes);
    return { file, width: r.width, height: r.height, sha256: r.sha256 };
  });
  console.log(
    name,
    renditions.map((r) => `${r.width}×${r.height} ${r.bytes.byteLength} B`).join(', '),
  );
}
writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
