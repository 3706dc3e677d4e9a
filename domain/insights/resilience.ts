import { currentVersion, type Proposal, type ProposalVersion } from '../mechanics/consent.js';
import { isMostlyCopied, MIN_TEACH_BACK_WORDS } from '../mechanics/reflection.js';
import { countWords } from '../mechanics/text.js';

// Knowledge resilience: where the team's knowledge of a topic lives, and how many heads it rests on.
//
// - A *holder* of a subject (an inquiry, or its conclusion) is someone who contributed to it (wrote, under
//   their own name, a note of the inquiry — for a conclusion, a note it rests on, or proposed it), endorsed
//   it (the conclusion's adopted version, or its current one before adoption), or explained it in a
//   teach-back (a complete reflection: at least the minimum words and not copied from the conclusion).
// - A holder *can explain* it when they taught it back, or when they both contributed to it and endorsed it.
// - The *bus factor* is how many of the people who can explain it must be away before nobody left can: the
//   number of people who can explain it (0 = nobody can now).
// - *If X were away*: the bus factors without X, and the subjects nobody left could explain.
// Anonymous notes never make their author a holder: the caller leaves them out before it gets here.

export type HolderReason = 'contributed' | 'endorsed' | 'taught_back';
const REASON_ORDER: readonly HolderReason[] = ['contributed', 'endorsed', 'taught_back'];

export interface KnowledgeFacts {
  contributed: Iterable<string>;
  endorsed: Iterable<string>;
  taughtBack: Iterable<string>;
}

export interface Holder {
  userId: string;
  reasons: HolderReason[];
  canExplain: boolean;
}

export function canExplain(reasons: readonly HolderReason[]): boolean {
  return reasons.includes('taught_back') || (reasons.includes('contributed') && reasons.includes('endorsed'));
}

/** Everyone with at least one reason, those who can explain first, then by how many reasons, then id. */
export function holdersOf(facts: KnowledgeFacts): Holder[] {
  const reasons = new Map<string, Set<HolderReason>>();
  const add = (ids: Iterable<string>, reason: HolderReason) => {
    for (const id of ids) {
      const set = reasons.get(id) ?? new Set<HolderReason>();
      set.add(reason);
      reasons.set(id, set);
    }
  };
  add(facts.contributed, 'contributed');
  add(facts.endorsed, 'endorsed');
  add(facts.taughtBack, 'taught_back');
  const holders = [...reasons].map(([userId, set]) => {
    const list = REASON_ORDER.filter((r) => set.has(r));
    return { userId, reasons: list, canExplain: canExplain(list) };
  });
  return holders.sort(
    (a, b) =>
      Number(b.canExplain) - Number(a.canExplain) ||
      b.reasons.length - a.reasons.length ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

/** How many of those who can explain it must be away before nobody can (with `away` already gone). */
export function busFactor(holders: readonly Holder[], away: ReadonlySet<string> = new Set()): number {
  let n = 0;
  for (const h of holders) if (h.canExplain && !away.has(h.userId)) n++;
  return n;
}

export interface Subject<S> {
  subject: S;
  holders: Holder[];
}

export interface AwayResult<S> {
  userId: string;
  /** The first subject's (the inquiry's) bus factor with this person away. */
  busFactorAfter: number;
  /** Subjects someone could explain until now and nobody could with this person away. */
  lost: S[];
}

/** "What if X were away" over an inquiry and its conclusions; the inquiry comes first in `subjects`. */
export function awayFrom<S>(subjects: readonly Subject<S>[], userId: string): AwayResult<S> {
  const away = new Set([userId]);
  const lost: S[] = [];
  for (const s of subjects)
    if (busFactor(s.holders) > 0 && busFactor(s.holders, away) === 0) lost.push(s.subject);
  const first = subjects[0];
  return { userId, busFactorAfter: first ? busFactor(first.holders, away) : 0, lost };
}

export interface TopicKnowledge {
  id: string;
  /** Those who can explain the topic (the inquiry as a whole). */
  explainers: readonly string[];
}

export interface WorkspaceKnowledge {
  topics: { id: string; busFactor: number; explainers: string[] }[];
  /** People who are the only one able to explain at least one topic, most such topics first. */
  singlePointsOfFailure: { userId: string; topics: string[] }[];
  /**
   * For each person who can explain at least one topic: the lowest bus factor among those topics once they
   * are away, and the topics nobody could explain any more. Anyone not listed changes nothing.
   */
  away: { userId: string; busFactorAfter: number; lost: string[] }[];
}

/** The workspace view: single points of failure and away impacts from who can explain each topic. */
export function workspaceKnowledge(topics: readonly TopicKnowledge[]): WorkspaceKnowledge {
  const byPerson = new Map<string, { lowest: number; lost: string[] }>();
  const out: WorkspaceKnowledge['topics'] = [];
  for (const topic of topics) {
    const explainers = [...new Set(topic.explainers)];
    out.push({ id: topic.id, busFactor: explainers.length, explainers });
    const after = explainers.length - 1;
    for (const userId of explainers) {
      const entry = byPerson.get(userId) ?? { lowest: Number.POSITIVE_INFINITY, lost: [] };
      entry.lowest = Math.min(entry.lowest, after);
      if (after === 0) entry.lost.push(topic.id);
      byPerson.set(userId, entry);
    }
  }
  const away = [...byPerson].map(([userId, e]) => ({ userId, busFactorAfter: e.lowest, lost: e.lost }));
  away.sort((a, b) => b.lost.length - a.lost.length || a.busFactorAfter - b.busFactorAfter);
  const singlePointsOfFailure = away
    .filter((a) => a.lost.length > 0)
    .map((a) => ({ userId: a.userId, topics: a.lost }));
  out.sort((a, b) => a.busFactor - b.busFactor);
  return { topics: out, singlePointsOfFailure, away };
}

/** A teach-back explains the conclusion when it is long enough and not copied from it (as in reflection). */
export function teachBackExplains(teachBack: string, conclusionText: string | undefined): boolean {
  if (countWords(teachBack) < MIN_TEACH_BACK_WORDS) return false;
  return conclusionText === undefined || !isMostlyCopied(teachBack, conclusionText);
}

/** The version of a conclusion that counts: the adopted one, or the current one until adoption. */
export function versionThatCounts(p: Proposal): ProposalVersion {
  const adopted = p.adopted;
  return (adopted && p.versions.find((v) => v.version === adopted.version)) || currentVersion(p);
}

/** Who endorsed the version that counts. */
export function endorsersOf(p: Proposal): string[] {
  const { version } = versionThatCounts(p);
  return [...new Set(p.endorsements.filter((e) => e.version === version).map((e) => e.userId))];
}
