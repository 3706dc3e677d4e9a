import type { Contribution, Link } from '../../contract/contributions.js';
import type { LiveEvent } from '../../contract/live.js';
import type { Board } from '../api/endpoints.js';

// Applies the live stream's note and link events to the board's cached data, in place. Every function here
// is idempotent: the same event twice (a replay overlapping what a REST read already had) changes nothing
// the second time, and an event never duplicates a card.

/** Ids of notes and links shown optimistically before the server answered (see useBoardData.ts). */
export const TEMP_PREFIX = 'temp-';
const isTemp = (id: string) => id.startsWith(TEMP_PREFIX);

export type BoardEvent = Extract<
  LiveEvent,
  {
    type:
      | 'contribution.created'
      | 'contribution.updated'
      | 'contribution.deleted'
      | 'link.created'
      | 'link.deleted';
  }
>;

export function isBoardEvent(e: { type: string }): e is BoardEvent {
  return (
    e.type === 'contribution.created' ||
    e.type === 'contribution.updated' ||
    e.type === 'contribution.deleted' ||
    e.type === 'link.created' ||
    e.type === 'link.deleted'
  );
}

/** The board after one event; the same object when the event changes nothing. */
export function applyBoardEvent(board: Board, event: BoardEvent): Board {
  switch (event.type) {
    case 'contribution.created':
    case 'contribution.updated':
      return upsertContribution(board, event.data);
    case 'contribution.deleted':
      return removeContribution(board, event.data.id);
    case 'link.created':
      return upsertLink(board, event.data);
    case 'link.deleted':
      return board.links.some((l) => l.id === event.data.id)
        ? { ...board, links: board.links.filter((l) => l.id !== event.data.id) }
        : board;
  }
}

export function applyBoardEvents(board: Board, events: readonly BoardEvent[]): Board {
  return events.reduce(applyBoardEvent, board);
}

function upsertContribution(board: Board, incoming: Contribution): Board {
  const at = board.items.findIndex((c) => c.id === incoming.id);
  if (at >= 0) {
    const current = board.items[at];
    if (current && sameContribution(current, incoming)) return board;
    const items = board.items.slice();
    items[at] = incoming;
    return { ...board, items };
  }
  // My own note, still shown under a temporary id while its POST is answered: it becomes the real one
  // where it stands (no second card, no jump), and the links drawn from it follow.
  if (incoming.isMine) {
    const temp = board.items.findIndex(
      (c) => isTemp(c.id) && c.isMine && c.kind === incoming.kind && c.body === incoming.body,
    );
    const tempId = board.items[temp]?.id;
    if (tempId !== undefined) {
      const items = board.items.slice();
      items[temp] = incoming;
      const links = board.links.map((l) => (l.fromId === tempId ? { ...l, fromId: incoming.id } : l));
      return { items, links };
    }
  }
  return { ...board, items: [...board.items, incoming] };
}

function removeContribution(board: Board, id: string): Board {
  if (!board.items.some((c) => c.id === id) && !board.links.some((l) => l.fromId === id || l.toId === id))
    return board;
  // Links to and from a deleted note go with it (the server deletes them in the same transaction).
  return {
    items: board.items.filter((c) => c.id !== id),
    links: board.links.filter((l) => l.fromId !== id && l.toId !== id),
  };
}

function upsertLink(board: Board, incoming: Link): Board {
  const at = board.links.findIndex((l) => l.id === incoming.id);
  if (at >= 0) {
    const current = board.links[at];
    if (current && sameLink(current, incoming)) return board;
    const links = board.links.slice();
    links[at] = incoming;
    return { ...board, links };
  }
  // The optimistic twin of this link (same ends, same kind) is replaced rather than doubled.
  const twin = board.links.findIndex(
    (l) =>
      isTemp(l.id) && l.fromId === incoming.fromId && l.toId === incoming.toId && l.kind === incoming.kind,
  );
  if (twin >= 0) {
    const links = board.links.slice();
    links[twin] = incoming;
    return { ...board, links };
  }
  return { ...board, links: [...board.links, incoming] };
}

function sameContribution(a: Contribution, b: Contribution): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameLink(a: Link, b: Link): boolean {
  return (
    a.fromId === b.fromId &&
    a.toId === b.toId &&
    a.kind === b.kind &&
    a.createdBy === b.createdBy &&
    a.createdAt === b.createdAt
  );
}
