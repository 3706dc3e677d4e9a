// Ordering helpers for the private ranking in the shared-understanding check.

/** The order to start from: my saved ranking (items no longer in the check dropped, new ones at the end),
 * otherwise the check's own order. */
export function initialOrder(itemIds: readonly string[], saved: readonly string[] | undefined): string[] {
  if (!saved) return [...itemIds];
  const present = new Set(itemIds);
  const kept = saved.filter((id) => present.has(id));
  const seen = new Set(kept);
  return [...kept, ...itemIds.filter((id) => !seen.has(id))];
}

/** `order` with the item at `from` moved to `to` (both clamped into the list). */
export function move<T>(order: readonly T[], from: number, to: number): T[] {
  const next = [...order];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1) as [T];
  next.splice(target, 0, item);
  return next;
}
