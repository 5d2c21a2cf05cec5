/** A venue's spaces form a tree: a divisible hall is a root with its parts as children. */
export interface SpaceNode {
  id: string;
  parentId: string | null;
}

/**
 * The leaf spaces a booking of `spaceId` claims, sorted: the whole hall claims both halves,
 * a half claims itself, an undivided venue (one root leaf) claims itself. Unknown id → [].
 * The database does the same in a trigger; this gives friendly errors and tests.
 */
export function claimedSpaceIds(spaceId: string, spaces: readonly SpaceNode[]): string[] {
  if (!spaces.some((s) => s.id === spaceId)) return [];
  const children = new Map<string, string[]>();
  for (const s of spaces) {
    if (s.parentId === null || s.parentId === s.id) continue;
    const list = children.get(s.parentId) ?? [];
    list.push(s.id);
    children.set(s.parentId, list);
  }
  const leaves = new Set<string>();
  const seen = new Set<string>();
  const stack = [spaceId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue; // a cycle in bad data must not loop forever
    seen.add(id);
    const kids = children.get(id);
    if (kids && kids.length > 0) stack.push(...kids);
    else leaves.add(id);
  }
  return [...leaves].sort();
}

/** True when bookings of the two spaces would claim a common leaf (e.g. hall and one half). */
export function spacesConflict(a: string, b: string, spaces: readonly SpaceNode[]): boolean {
  const claimedByA = new Set(claimedSpaceIds(a, spaces));
  return claimedSpaceIds(b, spaces).some((id) => claimedByA.has(id));
}
