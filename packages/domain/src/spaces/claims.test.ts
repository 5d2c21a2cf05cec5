import { describe, expect, it } from 'vitest';
import { claimedSpaceIds, spacesConflict } from './claims';

const hall = [
  { id: 'hall', parentId: null },
  { id: 'hall-b', parentId: 'hall' },
  { id: 'hall-a', parentId: 'hall' },
];

describe('claimedSpaceIds', () => {
  it('the whole hall claims both halves, sorted', () => {
    expect(claimedSpaceIds('hall', hall)).toEqual(['hall-a', 'hall-b']);
  });

  it('a half claims itself; an undivided venue is one root leaf', () => {
    expect(claimedSpaceIds('hall-b', hall)).toEqual(['hall-b']);
    expect(claimedSpaceIds('room', [{ id: 'room', parentId: null }])).toEqual(['room']);
  });

  it('reaches leaves through deeper trees and returns [] for unknown ids', () => {
    const deep = [...hall, { id: 'a1', parentId: 'hall-a' }, { id: 'a2', parentId: 'hall-a' }];
    expect(claimedSpaceIds('hall', deep)).toEqual(['a1', 'a2', 'hall-b']);
    expect(claimedSpaceIds('nope', hall)).toEqual([]);
  });

  it('does not loop on cyclic data', () => {
    const cyclic = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect(claimedSpaceIds('x', cyclic)).toEqual([]);
  });
});

describe('spacesConflict', () => {
  it('hall conflicts with each half; the halves do not conflict with each other', () => {
    expect(spacesConflict('hall', 'hall-a', hall)).toBe(true);
    expect(spacesConflict('hall-b', 'hall', hall)).toBe(true);
    expect(spacesConflict('hall-a', 'hall-b', hall)).toBe(false);
  });
});
