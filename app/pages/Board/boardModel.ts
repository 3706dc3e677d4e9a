import type { Contribution, Link } from '../../../contract/contributions.js';
import type { ContributionKind, ContributionState } from '../../../domain/model.js';
import { CONTRIBUTION_KINDS } from '../../../domain/model.js';
import { byNewest } from '../../../domain/threads.js';

// Pure board logic: filtering, grouping and threading. No React here, so it is easy to test.

export const ANONYMOUS = 'anonymous';

export interface Filters {
  kinds: ContributionKind[];
  /** A user id, ANONYMOUS, or null for everyone. */
  person: string | null;
  state: ContributionState | null;
  mine: boolean;
}

export const NO_FILTERS: Filters = { kinds: [], person: null, state: null, mine: false };

export function activeFilterCount(f: Filters): number {
  return (f.kinds.length ? 1 : 0) + (f.person ? 1 : 0) + (f.state ? 1 : 0) + (f.mine ? 1 : 0);
}

export function matches(c: Contribution, f: Filters): boolean {
  if (f.kinds.length && !f.kinds.includes(c.kind)) return false;
  if (f.mine && !c.isMine) return false;
  if (f.state && c.state !== f.state) return false;
  if (f.person === ANONYMOUS) return c.anonymous;
  if (f.person) return !c.anonymous && c.author?.id === f.person;
  return true;
}

export { byNewest, byOldest, repliesIndex, threadRoots } from '../../../domain/threads.js';

/** Contributions by kind, newest first, in the canonical kind order; kinds without notes are left out. */
export function groupByKind(items: Contribution[]): { kind: ContributionKind; items: Contribution[] }[] {
  const groups = new Map<ContributionKind, Contribution[]>();
  for (const c of items) {
    const list = groups.get(c.kind) ?? [];
    list.push(c);
    groups.set(c.kind, list);
  }
  return CONTRIBUTION_KINDS.filter((k) => groups.has(k)).map((kind) => ({
    kind,
    items: (groups.get(kind) ?? []).sort(byNewest),
  }));
}

export interface Reply {
  link: Link;
  from: Contribution;
}

/** The people who appear as authors, for the person filter; anonymous notes never reveal anyone. */
export function authorsOf(items: Contribution[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const c of items) if (!c.anonymous && c.author) seen.set(c.author.id, c.author.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** An anonymous note is "Anonymous" to everyone, its author included: nothing on it hints at who wrote it. */
export function displayName(c: Contribution): string {
  if (c.anonymous) return 'Anonymous';
  return c.author?.name ?? 'Someone';
}
