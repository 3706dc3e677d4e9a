// Balance of a group's voices: the Gini coefficient of contributions per person and the top voice's
// share. Population Gini (no small-sample correction): 0 when everyone wrote as much, (n - 1) / n when one
// person wrote everything, so it reads the same whatever the group's size.

/** Gini coefficient of non-negative values; 0 for an empty list or a total of zero. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  for (const [i, v] of sorted.entries()) {
    total += v;
    weighted += (i + 1) * v;
  }
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The largest value's share of the total, 0..1; 0 when the total is zero. */
export function topShare(values: readonly number[]): number {
  let total = 0;
  let top = 0;
  for (const v of values) {
    total += v;
    if (v > top) top = v;
  }
  return total === 0 ? 0 : top / total;
}
