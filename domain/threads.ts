// How notes form threads, shared by the board and the exports: a note that links to another (builds on,
// supports, challenges, answers, synthesizes) is a reply to it; notes that link to nothing are the roots.

export interface ThreadNote {
  id: string;
  createdAt: string;
}
export interface ThreadLink {
  fromId: string;
  toId: string;
}

export function byNewest(a: ThreadNote, b: ThreadNote): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

export function byOldest(a: ThreadNote, b: ThreadNote): number {
  return -byNewest(a, b);
}

/** For each note, the notes that link to it (`link.toId` = the note), oldest first. */
export function repliesIndex<N extends ThreadNote, L extends ThreadLink>(
  notes: readonly N[],
  links: readonly L[],
): Map<string, { link: L; from: N }[]> {
  const byId = new Map(notes.map((c) => [c.id, c]));
  const index = new Map<string, { link: L; from: N }[]>();
  for (const link of links) {
    const from = byId.get(link.fromId);
    if (!from || !byId.has(link.toId)) continue;
    const list = index.get(link.toId) ?? [];
    list.push({ link, from });
    index.set(link.toId, list);
  }
  for (const list of index.values()) list.sort((a, b) => byOldest(a.from, b.from));
  return index;
}

/** Thread roots: notes that do not link to any other of the given notes, oldest first. */
export function threadRoots<N extends ThreadNote>(notes: readonly N[], links: readonly ThreadLink[]): N[] {
  const ids = new Set(notes.map((c) => c.id));
  const replying = new Set(links.filter((l) => ids.has(l.fromId) && ids.has(l.toId)).map((l) => l.fromId));
  return notes.filter((c) => !replying.has(c.id)).sort(byOldest);
}
