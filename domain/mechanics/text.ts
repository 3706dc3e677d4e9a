// Small text rules shared by the mechanics: counting words and accepting a recorded reason.

/** Words are runs of letters or digits, so "—", "-" or emoji alone do not count as saying something. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Lower-cased words joined by single spaces: for comparing two texts regardless of layout. */
export function normalizeText(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** An override must say why in at least this many words, so the record explains something later. */
export const MIN_REASON_WORDS = 2;

/** The trimmed reason when it is a real explanation, otherwise null. */
export function recordedReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return countWords(trimmed) >= MIN_REASON_WORDS ? trimmed : null;
}
