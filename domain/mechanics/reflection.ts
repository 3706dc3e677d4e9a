import { countWords, normalizeText, recordedReason } from './text.js';

// Individual accountability at the end of an inquiry: each participant says what they learned, what
// they still don't understand, how the group worked, and explains the conclusion in their own words.
// The teach-back is what shows the knowledge now lives in the team, not only in the manager's head.

export interface Reflection {
  userId: string;
  learned: string;
  stillUnclear: string;
  /** Group processing: one thing about how we worked together to keep… */
  keep: string;
  /** …and one to change. */
  change: string;
  /** The conclusion in the participant's own words. */
  teachBack: string;
}

export type ReflectionField = Exclude<keyof Reflection, 'userId'>;

export interface ReflectionFieldGuide {
  id: ReflectionField;
  label: string;
  help: string;
}

/** A teach-back shorter than this is an agreement ("makes sense"), not an explanation. */
export const MIN_TEACH_BACK_WORDS = 20;

export const REFLECTION_FIELDS: readonly ReflectionFieldGuide[] = [
  { id: 'learned', label: 'What did I learn?', help: 'Something you know now that you did not know before.' },
  {
    id: 'stillUnclear',
    label: 'What do I still not understand?',
    help: 'It is fine not to know yet; the next team starts from here. "Nothing" is an answer too.',
  },
  { id: 'keep', label: 'One thing to keep', help: 'About how we worked together: what helped the group.' },
  {
    id: 'change',
    label: 'One thing to change',
    help: 'About how we worked together: what to do differently.',
  },
  {
    id: 'teachBack',
    label: 'The conclusion in my own words',
    help: `Explain it as you would to a colleague who was not here (at least ${MIN_TEACH_BACK_WORDS} words).`,
  },
];

/** What is still needed, as a to-do for the person, shown to them and to the group waiting on them. */
const NEEDS: Record<ReflectionField, string> = {
  learned: 'say what you learned',
  stillUnclear: 'say what you still don’t understand',
  keep: 'name one thing to keep about how the group worked',
  change: 'name one thing to change about how the group worked',
  teachBack: `explain the conclusion in your own words (at least ${MIN_TEACH_BACK_WORDS} words)`,
};
export const NEEDS_REFLECTION = 'write a reflection';
const NEEDS_OWN_WORDS = 'explain the conclusion in your own words instead of copying it';

export interface ReflectionProblem {
  field: ReflectionField;
  /** Plain words for the person writing it. */
  message: string;
  /** The same, for others waiting on them. */
  needs: string;
}

const SHINGLE = 5;
const COPIED_SHARE = 0.8;

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * True when most five-word runs of the teach-back appear in the conclusion: pasted, perhaps behind an
 * "I agree:". A heuristic on purpose — it catches copying, not paraphrase that happens to share phrases.
 */
export function isMostlyCopied(teachBack: string, conclusion: string): boolean {
  const own = shingles(normalizeText(teachBack).split(' ').filter(Boolean));
  if (own.size === 0) return false;
  const source = shingles(normalizeText(conclusion).split(' ').filter(Boolean));
  let copied = 0;
  for (const s of own) if (source.has(s)) copied++;
  return copied / own.size >= COPIED_SHARE;
}

/** Every field must say something; the teach-back must explain, and not by pasting the conclusion. */
export function reflectionProblems(
  r: Omit<Reflection, 'userId'>,
  conclusionText?: string,
): ReflectionProblem[] {
  const problems: ReflectionProblem[] = [];
  for (const { id, label } of REFLECTION_FIELDS) {
    if (id === 'teachBack') continue;
    if (countWords(r[id]) === 0)
      problems.push({ field: id, message: `Answer “${label}”.`, needs: NEEDS[id] });
  }
  const words = countWords(r.teachBack);
  if (words < MIN_TEACH_BACK_WORDS) {
    problems.push({
      field: 'teachBack',
      message:
        words === 0
          ? `Explain the conclusion in your own words (at least ${MIN_TEACH_BACK_WORDS} words).`
          : `Your teach-back has ${words} word${words === 1 ? '' : 's'}; explain the conclusion in at least ${MIN_TEACH_BACK_WORDS}, as you would to a colleague who was not here.`,
      needs: NEEDS.teachBack,
    });
  } else if (conclusionText !== undefined && isMostlyCopied(r.teachBack, conclusionText)) {
    problems.push({
      field: 'teachBack',
      message: 'Explain the conclusion in your own words rather than copying it.',
      needs: NEEDS_OWN_WORDS,
    });
  }
  return problems;
}

export function isReflectionComplete(r: Omit<Reflection, 'userId'>, conclusionText?: string): boolean {
  return reflectionProblems(r, conclusionText).length === 0;
}

export interface Missing {
  userId: string;
  needs: string[];
}

export interface ReflectionReadiness {
  ready: boolean;
  /** In the participants' order; empty when ready. */
  missing: Missing[];
}

/**
 * Who the inquiry is still waiting for. `participants` are the people expected to reflect (the caller
 * decides whether the facilitator is one); a later reflection by the same person replaces an earlier one.
 */
export function reflectionReadiness(
  participants: readonly string[],
  reflections: readonly Reflection[],
  conclusionText?: string,
): ReflectionReadiness {
  const latest = new Map<string, Reflection>();
  for (const r of reflections) latest.set(r.userId, r);
  const missing: Missing[] = [];
  for (const userId of new Set(participants)) {
    const r = latest.get(userId);
    if (!r) {
      missing.push({ userId, needs: [NEEDS_REFLECTION] });
      continue;
    }
    const problems = reflectionProblems(r, conclusionText);
    if (problems.length > 0) missing.push({ userId, needs: problems.map((p) => p.needs) });
  }
  return { ready: missing.length === 0, missing };
}

export type ConcludeDecision =
  | { allowed: true; overridden: false }
  | { allowed: true; overridden: true; reason: string; missing: Missing[] }
  | { allowed: false; message: string; missing: Missing[] };

/**
 * The inquiry concludes when every reflection is in; otherwise only with a reason, which is recorded
 * together with who had not reflected, so the gap stays visible afterwards.
 */
export function concludeRule(
  readiness: ReflectionReadiness,
  overrideReason?: string | null,
): ConcludeDecision {
  if (readiness.ready) return { allowed: true, overridden: false };
  const reason = recordedReason(overrideReason);
  if (reason !== null) return { allowed: true, overridden: true, reason, missing: readiness.missing };
  const n = readiness.missing.length;
  return {
    allowed: false,
    message: `Waiting for ${n} reflection${n === 1 ? '' : 's'}; conclude anyway only with a recorded reason.`,
    missing: readiness.missing,
  };
}
