// Who may see whose name. Applied once, in the presenters, for every payload that leaves the server.

export interface Authored {
  authorId: string;
  anonymous: boolean;
}

/** The author's id as this viewer may see it: null for an anonymous note unless the viewer wrote it. */
export function visibleAuthorId(item: Authored, viewerId: string): string | null {
  if (item.anonymous && item.authorId !== viewerId) return null;
  return item.authorId;
}

export function isMine(item: Authored, viewerId: string): boolean {
  return item.authorId === viewerId;
}
