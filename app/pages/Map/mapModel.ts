import { Graph, layout } from '@dagrejs/dagre';
import type { Contribution, Link } from '../../../contract/contributions.js';
import type { ContributionKind } from '../../../domain/model.js';

// The knowledge map without React: which notes show, where each one sits, and the links between them.
// Threads (the notes connected by links) are laid out one at a time with dagre, top-down from the note
// they reply to, then packed into rows — so a thread stays together and 2,000 notes stay cheap.

export const NODE_W = 232;
export const NODE_H = 96;
const GAP_X = 48;
const GAP_Y = 56;
/** Threads are packed into rows about this wide (in map units). */
const ROW_WIDTH = 2_400;
/** dagre lays out threads that are not trees, up to this many notes each and this many in all. */
const DAGRE_MAX_THREAD = 30;
const DAGRE_BUDGET = 60;

export const ANONYMOUS = 'anonymous';

export interface MapFilters {
  kinds: ContributionKind[];
  /** A user id, ANONYMOUS, or null for everyone. */
  person: string | null;
  /** A lens name, or null for every lens. */
  lens: string | null;
}

export const NO_MAP_FILTERS: MapFilters = { kinds: [], person: null, lens: null };

export function mapFilterCount(f: MapFilters): number {
  return (f.kinds.length ? 1 : 0) + (f.person ? 1 : 0) + (f.lens ? 1 : 0);
}

export function matchesMap(c: Contribution, f: MapFilters): boolean {
  if (f.kinds.length && !f.kinds.includes(c.kind)) return false;
  if (f.lens && c.perspective !== f.lens) return false;
  if (f.person === ANONYMOUS) return c.anonymous;
  if (f.person) return !c.anonymous && c.author?.id === f.person;
  return true;
}

/** The lenses that appear on notes, for the lens filter. */
export function lensesOf(items: readonly Contribution[]): string[] {
  const set = new Set<string>();
  for (const c of items) if (c.perspective) set.add(c.perspective);
  return [...set].sort((a, b) => a.localeCompare(b));
}

export interface Point {
  x: number;
  y: number;
}

export interface MapLayout {
  /** Top-left corner of each note. */
  positions: Map<string, Point>;
  /** Links whose two ends are both on the map. */
  links: Link[];
  /** Each note's thread (connected component), numbered from 0 in the order laid out. */
  thread: Map<string, number>;
  width: number;
  height: number;
}

/** Connected components of the link graph, each in first-seen order of `items` (oldest thread first). */
export function threadsOf(items: readonly Contribution[], links: readonly Link[]): string[][] {
  const parent = new Map<string, string>();
  for (const c of items) parent.set(c.id, c.id);
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps this near-linear.
    let at = id;
    while (at !== root) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const l of links) {
    if (!parent.has(l.fromId) || !parent.has(l.toId)) continue;
    const a = find(l.fromId);
    const b = find(l.toId);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, string[]>();
  const ordered = [...items].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  for (const c of ordered) {
    const root = find(c.id);
    const list = groups.get(root);
    if (list) list.push(c.id);
    else groups.set(root, [c.id]);
  }
  return [...groups.values()];
}

interface Laid {
  pos: Map<string, Point>;
  w: number;
  h: number;
}

/** The reply structure when every note in the thread replies to exactly one other; null otherwise. */
function replyTree(ids: string[], links: readonly Link[]): Map<string, string> | null {
  if (links.length !== ids.length - 1) return null;
  const parent = new Map<string, string>();
  for (const l of links) {
    if (parent.has(l.fromId)) return null;
    parent.set(l.fromId, l.toId);
  }
  return ids.filter((id) => !parent.has(id)).length === 1 ? parent : null;
}

/**
 * A tree that spans any thread: from its oldest note, each other note hangs beneath the first note
 * (breadth first) that it is linked with. Links left out of the tree are still drawn.
 */
function spanningTree(
  ids: string[],
  links: readonly Link[],
  order: Map<string, number>,
): Map<string, string> {
  const near = new Map<string, string[]>();
  for (const l of links) {
    for (const [a, b] of [
      [l.fromId, l.toId],
      [l.toId, l.fromId],
    ] as const) {
      const list = near.get(a);
      if (list) list.push(b);
      else near.set(a, [b]);
    }
  }
  for (const list of near.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const first = [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] as string;
  const parent = new Map<string, string>();
  const seen = new Set([first]);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const n of near.get(id) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      parent.set(n, id);
      queue.push(n);
    }
  }
  return parent;
}

/** Lays out a tree directly: each note centred above its replies, the oldest reply on the left. */
function layoutTree(ids: string[], parent: Map<string, string>, order: Map<string, number>): Laid | null {
  const children = new Map<string, string[]>();
  for (const [child, p] of parent) {
    const list = children.get(p);
    if (list) list.push(child);
    else children.set(p, [child]);
  }
  const roots = ids.filter((id) => !parent.has(id));
  if (roots.length !== 1) return null;
  const root = roots[0] as string;
  for (const list of children.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const pos = new Map<string, Point>();
  // Width of each subtree, bottom-up, without recursion (threads can be long chains).
  const width = new Map<string, number>();
  const post: string[] = [];
  const stack: string[] = [root];
  while (stack.length) {
    const id = stack.pop() as string;
    post.push(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  if (post.length !== ids.length) return null;
  for (let i = post.length - 1; i >= 0; i--) {
    const id = post[i] as string;
    const kids = children.get(id) ?? [];
    const sum = kids.reduce((s, c) => s + (width.get(c) ?? NODE_W), 0) + GAP_X * Math.max(0, kids.length - 1);
    width.set(id, Math.max(NODE_W, sum));
  }
  let depth = 0;
  const place: [string, number, number][] = [[root, 0, 0]];
  while (place.length) {
    const [id, left, level] = place.pop() as [string, number, number];
    const w = width.get(id) ?? NODE_W;
    pos.set(id, { x: left + (w - NODE_W) / 2, y: level * (NODE_H + GAP_Y) });
    depth = Math.max(depth, level);
    const kids = children.get(id) ?? [];
    const sum = kids.reduce((s, c) => s + (width.get(c) ?? NODE_W), 0) + GAP_X * Math.max(0, kids.length - 1);
    let x = left + (w - sum) / 2;
    for (const c of kids) {
      place.push([c, x, level + 1]);
      x += (width.get(c) ?? NODE_W) + GAP_X;
    }
  }
  return { pos, w: width.get(root) ?? NODE_W, h: (depth + 1) * NODE_H + depth * GAP_Y };
}

/**
 * Lays out one thread: the note replied to above, its replies below. Trees directly; anything else (a
 * synthesis of several notes, a note answering two questions) with dagre.
 */
function layoutThread(
  ids: string[],
  links: readonly Link[],
  order: Map<string, number>,
  budget: { left: number },
): Laid {
  const pos = new Map<string, Point>();
  if (ids.length === 1) {
    pos.set(ids[0] as string, { x: 0, y: 0 });
    return { pos, w: NODE_W, h: NODE_H };
  }
  const tree = replyTree(ids, links);
  const direct = tree && layoutTree(ids, tree, order);
  if (direct) return direct;
  // dagre draws the other threads best, but costs tens of milliseconds a thread: past a budget (a very
  // large board), the thread's spanning tree is laid out instead.
  if (ids.length > DAGRE_MAX_THREAD || budget.left < ids.length) {
    const spanned = layoutTree(ids, spanningTree(ids, links, order), order);
    if (spanned) return spanned;
  }
  budget.left -= ids.length;
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: GAP_X / 2, ranksep: GAP_Y, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: NODE_W, height: NODE_H });
  const inThread = new Set(ids);
  for (const l of links) {
    if (!inThread.has(l.fromId) || !inThread.has(l.toId)) continue;
    // The reply hangs beneath what it replies to.
    g.setEdge(l.toId, l.fromId, {}, l.id);
  }
  layout(g);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    const n = g.node(id);
    const x = (n?.x ?? 0) - NODE_W / 2;
    const y = (n?.y ?? 0) - NODE_H / 2;
    pos.set(id, { x, y });
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + NODE_W);
    maxY = Math.max(maxY, y + NODE_H);
  }
  for (const [id, p] of pos) pos.set(id, { x: p.x - minX, y: p.y - minY });
  return { pos, w: maxX - minX, h: maxY - minY };
}

/**
 * Where every note sits. Threads are laid out separately and packed left to right into rows, largest
 * threads first so the conversation's main lines lead; single notes fill the rows after them.
 */
export function layoutMap(items: readonly Contribution[], allLinks: readonly Link[]): MapLayout {
  const ids = new Set(items.map((c) => c.id));
  const links = allLinks.filter((l) => ids.has(l.fromId) && ids.has(l.toId) && l.fromId !== l.toId);
  const threads = threadsOf(items, links);
  // Stable: bigger threads first, then oldest first (threadsOf's order).
  const order = threads.map((t, i) => ({ t, i })).sort((a, b) => b.t.length - a.t.length || a.i - b.i);
  const byThread = new Map<string, Link[]>();
  const threadOfNote = new Map<string, number>();
  order.forEach(({ t }, n) => {
    for (const id of t) threadOfNote.set(id, n);
  });
  for (const l of links) {
    const key = String(threadOfNote.get(l.fromId));
    const list = byThread.get(key);
    if (list) list.push(l);
    else byThread.set(key, [l]);
  }

  const age = new Map(items.map((c) => [c.id, 0]));
  threads.flat().forEach((id, i) => age.set(id, i));
  const budget = { left: DAGRE_BUDGET };
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  let width = 0;
  order.forEach(({ t }, n) => {
    const laid = layoutThread(t, byThread.get(String(n)) ?? [], age, budget);
    if (x > 0 && x + laid.w > ROW_WIDTH) {
      x = 0;
      y += rowH + GAP_Y * 1.5;
      rowH = 0;
    }
    for (const [id, p] of laid.pos) positions.set(id, { x: p.x + x, y: p.y + y });
    x += laid.w + GAP_X;
    rowH = Math.max(rowH, laid.h);
    width = Math.max(width, x - GAP_X);
  });
  return { positions, links, thread: threadOfNote, width, height: y + rowH };
}

/** A note's text as one short plain line for the map (Markdown marks dropped). */
export function excerpt(markdown: string, max = 110): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~>#|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
