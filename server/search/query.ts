// What a person types into the search box, made safe for the full-text engines: words are runs of
// letters and digits (everything else separates them, as both engines' tokenizers do), each is quoted,
// "quoted phrases" stay phrases, and the last word is a prefix so results follow typing. Nothing typed
// can reach the engines' query syntax, so no input is an error.

export interface Term {
  /** Lower-case words; more than one only in a phrase. */
  words: string[];
  phrase: boolean;
  /** The last word matches as a prefix (the word being typed). */
  prefix: boolean;
}

export interface ParsedText {
  terms: Term[];
  /** How the terms combine: all of them (search) or any (suggestions while framing). */
  mode: 'all' | 'any';
}

/** More terms than this are dropped: every term costs a pass over its index entries. */
export const MAX_TERMS = 16;
/** A prefix this short would match most of the vocabulary. */
const MIN_PREFIX = 2;

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS);

/** Words too common to tell texts apart; left out of "any word" suggestions. */
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how ' +
    'i if in into is it its just me more most my no nor not now of off on once only or other our ours out over own same ' +
    'she should so some such than that the their theirs them then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your yours'
  ).split(' '),
);

/** Search text: every word and "phrase" must match; the last bare word is a prefix if long enough. */
export function parseSearchText(input: string): ParsedText {
  const terms: Term[] = [];
  // A closed quote is a phrase; an unclosed one is just words.
  const pieces = input.split('"');
  const closed = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  for (const [i, piece] of pieces.entries()) {
    const words = wordsOf(piece);
    if (words.length === 0) continue;
    if (i % 2 === 1 && i < closed) terms.push({ words, phrase: true, prefix: false });
    else for (const word of words) terms.push({ words: [word], phrase: false, prefix: false });
  }
  const bounded = dedupe(terms).slice(0, MAX_TERMS);
  const last = bounded.at(-1);
  const typing = /[\p{L}\p{N}]$/u.test(input) && !input.trimEnd().endsWith('"');
  if (last && !last.phrase && typing && (last.words[0]?.length ?? 0) >= MIN_PREFIX) last.prefix = true;
  return { terms: bounded, mode: 'all' };
}

/** Suggestions while framing: any of the significant words of a longer text. */
export function parseRelatedText(input: string, maxWords = 24): ParsedText {
  const words = [
    ...new Set((input.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2 && !STOP_WORDS.has(w))),
  ];
  return {
    terms: words.slice(0, maxWords).map((w) => ({ words: [w], phrase: false, prefix: false })),
    mode: 'any',
  };
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.phrase}:${t.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An FTS5 MATCH expression over the `text` column (words are letters and digits only, so quoting is safe). */
export function toFts5(parsed: ParsedText): string {
  const parts = parsed.terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`);
  return parts.join(parsed.mode === 'all' ? ' AND ' : ' OR ');
}

/** A PostgreSQL to_tsquery text: quoted lexemes, `<->` within phrases, `:*` for the prefix. */
export function toTsquery(parsed: ParsedText): string {
  const parts = parsed.terms.map((t) => {
    const words = t.words.map((w) => `'${w}'`);
    if (t.prefix) words[words.length - 1] = `${words.at(-1)}:*`;
    return words.length > 1 ? `(${words.join(' <-> ')})` : (words[0] ?? '');
  });
  return parts.join(parsed.mode === 'all' ? ' & ' : ' | ');
}
