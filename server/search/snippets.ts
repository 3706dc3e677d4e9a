import type { SnippetPart } from '../../contract/library.js';
import type { ParsedText } from './query.js';

// Snippets are cut and marked here rather than by the engines (FTS5 snippet(), ts_headline): both would
// run the match again over the whole index, and ts_headline parses each document anew, while the page's
// twenty texts are already at hand. The engines decide what matches; this only shows where. A word is
// marked when it starts with a query word's stem (English endings taken off, as both engines' stemmers
// do), or with the prefix being typed.

const TOKEN = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
const IS_WORD = /^[\p{L}\p{N}]/u;

/** A rough English stem, enough to find "prices" and "pricing" for "price". */
export function roughStem(word: string): string {
  const w = word.toLowerCase();
  for (const ending of [
    'ational',
    'ization',
    'fulness',
    'ousness',
    'iveness',
    'ments',
    'ment',
    'ings',
    'ing',
    'ies',
    'ied',
    'ed',
    'es',
    'ly',
    'er',
    's',
    'e',
    'y',
  ]) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length);
  }
  return w;
}

function matcher(parsed: ParsedText): (word: string) => boolean {
  const stems: string[] = [];
  const prefixes: string[] = [];
  for (const term of parsed.terms) {
    term.words.forEach((w, i) => {
      // The word being typed may be complete already: it matches as a prefix and as a word.
      if (term.prefix && i === term.words.length - 1) prefixes.push(w);
      stems.push(roughStem(w));
    });
  }
  return (word) => {
    const w = word.toLowerCase();
    return (
      prefixes.some((p) => w.startsWith(p)) ||
      stems.some((stem) => w.startsWith(stem) && w.length - stem.length <= 5)
    );
  };
}

/** Markdown marks and control characters left out of what is shown; runs of white space as one. */
export function plain(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The passage of `text` (about `words` words) with the most matched words, as parts. Without a match,
 * the text's beginning.
 */
export function snippetOf(text: string, parsed: ParsedText | null, words = 28): SnippetPart[] {
  const tokens = plain(text).match(TOKEN) ?? [];
  const wordAt: number[] = [];
  tokens.forEach((t, i) => {
    if (IS_WORD.test(t)) wordAt.push(i);
  });
  const isMatch = parsed ? matcher(parsed) : () => false;
  const hits = wordAt.map((i) => isMatch(tokens[i] as string));
  // The window of `words` words with the most hits, starting a few words before its first hit.
  let first = 0;
  let bestCount = 0;
  let count = 0;
  for (let end = 0; end < wordAt.length; end++) {
    if (hits[end]) count++;
    if (end >= words && hits[end - words]) count--;
    if (count > bestCount) {
      bestCount = count;
      first = Math.max(0, end - words + 1);
    }
  }
  if (bestCount > 0) first = Math.max(0, Math.min(hits.indexOf(true, first) - 4, wordAt.length - words));
  const last = Math.min(wordAt.length, first + words) - 1;
  if (last < 0) return [];
  // From the text's start or to its end, punctuation around the words stays.
  const from = first === 0 ? 0 : (wordAt[first] as number);
  const to = last === wordAt.length - 1 ? tokens.length - 1 : (wordAt[last] as number);
  const parts: SnippetPart[] = [];
  const push = (t: string, match: boolean) => {
    const prev = parts.at(-1);
    if (prev && prev.match === match) prev.text += t;
    else parts.push({ text: t, match });
  };
  if (from > 0) push('… ', false);
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as string;
    push(t, IS_WORD.test(t) && isMatch(t));
  }
  if (to < tokens.length - 1) push(' …', false);
  return parts;
}

/** A short heading for a note: its kind and first words. */
export function noteTitle(kind: string, text: string, words = 8): string {
  const all = plain(text).split(' ');
  const head = all.slice(0, words).join(' ');
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}: ${all.length > words ? `${head}…` : head}`;
}
