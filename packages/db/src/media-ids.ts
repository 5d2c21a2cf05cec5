import { createHash } from 'node:crypto';

/**
 * The ids of an image's stored renditions (media rows): the main one's is random, each
 * smaller one's is derived from it, so no column links them. Shared by the uploads
 * (apps/api) and the demo seed.
 */
export function renditionId(mainId: string, width: number): string {
  const h = createHash('sha256').update(`${mainId}:${width}`).digest('hex');
  // A version-8 (custom) UUID with the RFC 9562 variant.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The media ids of an image stored at these widths: the main one's, then the smaller ones'. */
export const renditionIds = (mainId: string, widths: readonly number[]): string[] => [
  mainId,
  ...widths.slice(1).map((w) => renditionId(mainId, w)),
];
