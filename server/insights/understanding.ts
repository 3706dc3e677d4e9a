import type { Understanding, UnderstandingResult } from '../../contract/insights.js';
import { itemAgreement, kendallW } from '../../domain/insights/kendall.js';
import type { Db } from '../store/db.js';
import { type CheckRecord, importedResultOf, latestChecks, rankingsOf } from '../store/understanding.js';

// Agreement of the group's private rankings, for the facilitator's console. Only aggregates leave here:
// W from two rankings on, per-item figures from three (with two, anyone who answered could work out the
// other ranking from the mean ranks), and both only once the check is closed, so the figures never change
// while visible and nobody's ranking can be read off the difference one more answer made.

/** Per-item mean ranks need this many rankings, so no single other ranking can be worked out. */
export const MIN_RANKINGS_FOR_ITEMS = 3;

/** Rank vectors (1 = most convincing) in the check's item order, from rankings of item ids. */
export function rankVectors(
  check: Pick<CheckRecord, 'items'>,
  rankings: readonly (readonly string[])[],
): number[][] {
  const ids = check.items.map((i) => i.id);
  const out: number[][] = [];
  for (const ranking of rankings) {
    const position = new Map(ranking.map((id, index) => [id, index + 1]));
    // A ranking that no longer matches the items (it cannot, items are fixed at opening) is left out.
    if (ranking.length !== ids.length || !ids.every((id) => position.has(id))) continue;
    out.push(ids.map((id) => position.get(id) as number));
  }
  return out;
}

export function understandingResult(
  check: CheckRecord,
  rankings: readonly (readonly string[])[],
): UnderstandingResult {
  const vectors = rankVectors(check, rankings);
  const base = { checkId: check.id, stage: check.stage, responses: rankings.length };
  if (check.closedAt === null) return { ...base, w: null, items: [] };
  const { w } = kendallW(vectors);
  const agreement = vectors.length >= MIN_RANKINGS_FOR_ITEMS ? itemAgreement(vectors) : [];
  return {
    ...base,
    w: vectors.length >= 2 ? w : null,
    items: agreement.map((a, i) => {
      const item = check.items[i] as CheckRecord['items'][number];
      return { id: item.id, label: item.label, meanRank: a.meanRank, spread: a.spread, split: a.split };
    }),
  };
}

/** A check's agreement: from its rankings, or as it travelled in an archive for an imported check. */
export async function checkResult(db: Db, check: CheckRecord): Promise<UnderstandingResult> {
  const imported = await importedResultOf(db, check.id);
  if (imported !== null) return JSON.parse(imported) as UnderstandingResult;
  return understandingResult(check, await rankingsOf(db, check.id));
}

/** Before (the newest exploring check) and after (the newest reflecting check) for one inquiry. */
export async function loadUnderstanding(db: Db, inquiryId: string): Promise<Understanding> {
  const latest = await latestChecks(db, inquiryId);
  const resultFor = async (check: CheckRecord | undefined) => (check ? checkResult(db, check) : null);
  const [before, after] = await Promise.all([
    resultFor(latest.get('exploring')),
    resultFor(latest.get('reflecting')),
  ]);
  return { before, after };
}
