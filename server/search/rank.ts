import type { ParsedText } from './query.js';
import { roughStem } from './snippets.js';

// Relevance, computed here over the window of matches rather than by the engines: FTS5's bm25() first
// counts every document holding each query word, which for a word in most notes walks the whole index
// (hundreds of milliseconds at a million notes), and ts_rank reads each row's tsvector. Both engines have
// already decided what matches; this orders it with BM25 over the window — term frequency, saturated,
// against the text's length, and each word weighed by how rare it is among the matches (which only
// matters when any word may match, as in suggestions while framing).

const K1 = 1.2;
const B = 0.75;
const WORD = /[\p{L}\p{N}]+/gu;

/** Scores in the order of `texts`; higher is more relevant. */
export function bm25Scores(texts: readonly string[], parsed: ParsedText): number[] {
  // A text's word counts for a query word when it starts with the query word's stem (as snippets mark it);
  // the text's own words are not stemmed, which keeps this linear and cheap.
  const terms = parsed.terms.map((t) => t.words.map((w) => roughStem(w)));
  const counts = texts.map((text) => {
    const words = text.toLowerCase().match(WORD) ?? [];
    // A phrase counts as often as its rarest word: close enough for ordering.
    const tf = terms.map((stems) => {
      let least = Number.POSITIVE_INFINITY;
      for (const stem of stems) {
        let n = 0;
        for (const w of words) if (w.startsWith(stem) && w.length - stem.length <= 5) n++;
        least = Math.min(least, n);
      }
      return Number.isFinite(least) ? least : 0;
    });
    return { tf, length: words.length };
  });
  const n = texts.length;
  const avg = counts.reduce((sum, c) => sum + c.length, 0) / Math.max(1, n);
  const idf = terms.map((_, t) => {
    const df = counts.filter((c) => (c.tf[t] ?? 0) > 0).length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  return counts.map(({ tf, length }) =>
    tf.reduce((score, f, t) => {
      const norm = f + K1 * (1 - B + (B * length) / Math.max(1, avg));
      return score + (idf[t] ?? 0) * ((f * (K1 + 1)) / norm);
    }, 0),
  );
}
