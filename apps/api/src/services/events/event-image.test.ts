import { describe, expect, it } from 'vitest';
import { renditionId } from '../../media/images';
import { imageSources } from './event-image';

const id = '0b7d8f62-5a61-4c1e-9f7e-3d2a1c0b9e8f';

describe('imageSources', () => {
  it('lists the smaller rendition first, then the main one, each with its width', () => {
    expect(imageSources({ id, width: 1280 })).toEqual([
      { url: `/media/${renditionId(id, 640)}.webp`, width: 640 },
      { url: `/media/${id}.webp`, width: 1280 },
    ]);
    // An upload 900 px wide is stored at 900 and 640.
    expect(imageSources({ id, width: 900 }).map((s) => s.width)).toEqual([640, 900]);
  });

  it('lists only the main rendition of an image no wider than the smaller width', () => {
    // Never enlarged: its "640" rendition is the same 500 px picture again.
    expect(imageSources({ id, width: 500 })).toEqual([{ url: `/media/${id}.webp`, width: 500 }]);
    expect(imageSources({ id, width: 640 })).toEqual([{ url: `/media/${id}.webp`, width: 640 }]);
  });
});
