// Kendall's coefficient of concordance W (Kendall & Babington Smith, 1939), with the correction for tied
// ranks: how far n raters agree on the order of m items, 0 = no agreement, 1 = all rank alike.
//
//   W = 12 S / (n² (m³ − m) − n Σ T_j),  S = Σ_i (R_i − R̄)²,  T_j = Σ_groups (t³ − t) for rater j,
//
// where R_i is the sum of the ranks item i got, R̄ = n (m + 1) / 2, and t the size of each group of tied
// ranks in one rater's ranking. Pure and dependency-free so the console and its tests use the same code.

/** Average ranks (1-based) of the scores in one row: equal scores share the mean of their positions. */
export function averageRanks(scores: readonly number[]): number[] {
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score);
  const ranks = new Array<number>(scores.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.score === order[start]?.score) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { index: number }).index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Σ (t³ − t) over the groups of equal values in one rater's ranks. */
export function tieCorrection(ranks: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let total = 0;
  for (const t of counts.values()) total += t ** 3 - t;
  return total;
}

export interface Concordance {
  /** Null with fewer than two raters or two items, or when every rater ties every item (nothing to order). */
  w: number | null;
  /** Sum of squared deviations of the rank sums from their mean. */
  s: number;
  raters: number;
  items: number;
}

/**
 * W over `rankings`: one row per rater, one column per item, each row the ranks that rater gave (ties as
 * average ranks, e.g. 1.5, 1.5, 3). Rows are re-ranked first, so any scores where lower means "first" work.
 */
export function kendallW(rankings: readonly (readonly number[])[]): Concordance {
  const n = rankings.length;
  const m = rankings[0]?.length ?? 0;
  if (rankings.some((row) => row.length !== m)) throw new Error('Every rater must rank every item.');
  const rows = rankings.map((row) => averageRanks(row));
  const sums = new Array<number>(m).fill(0);
  for (const row of rows) for (let i = 0; i < m; i++) sums[i] = (sums[i] ?? 0) + (row[i] ?? 0);
  const mean = (n * (m + 1)) / 2;
  const s = sums.reduce((acc, r) => acc + (r - mean) ** 2, 0);
  if (n < 2 || m < 2) return { w: null, s, raters: n, items: m };
  const ties = rows.reduce((acc, row) => acc + tieCorrection(row), 0);
  const denominator = n * n * (m ** 3 - m) - n * ties;
  if (denominator <= 0) return { w: null, s, raters: n, items: m };
  // Rounding noise must not push a perfect agreement past 1.
  return { w: Math.min(1, Math.max(0, (12 * s) / denominator)), s, raters: n, items: m };
}

export interface ItemAgreement {
  meanRank: number;
  /** Population standard deviation of the ranks the item got. */
  spread: number;
  /** The group agrees on this item's place no more than random rankings would. */
  split: boolean;
}

/**
 * The standard deviation of a rank drawn at random from 1..m, √((m² − 1) / 12): an item whose ranks spread
 * at least this much is one the group is split on.
 */
export function randomRankSpread(m: number): number {
  return Math.sqrt((m * m - 1) / 12);
}

/** Mean rank, spread and split per item (column) of `rankings` (rows as in kendallW). */
export function itemAgreement(rankings: readonly (readonly number[])[]): ItemAgreement[] {
  const n = rankings.length;
  const m = rankings[0]?.length ?? 0;
  const rows = rankings.map((row) => averageRanks(row));
  const splitAt = randomRankSpread(m);
  return Array.from({ length: m }, (_, i) => {
    const ranks = rows.map((row) => row[i] ?? 0);
    const meanRank = n === 0 ? 0 : ranks.reduce((a, b) => a + b, 0) / n;
    const spread = n === 0 ? 0 : Math.sqrt(ranks.reduce((a, r) => a + (r - meanRank) ** 2, 0) / n);
    // A small tolerance so an exact half-and-half split of two items counts as split.
    return { meanRank, spread, split: n >= 2 && m >= 2 && spread >= splitAt - 1e-9 };
  });
}
