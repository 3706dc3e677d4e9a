// The psychological-safety pulse: Edmondson's (1999) Team Psychological Safety scale, seven statements on
// a 7-point agreement scale (1 = very inaccurate … 7 = very accurate), items 1, 3 and 5 reverse-scored.
// Results exist only in aggregate, only from `threshold` answers on, and only once the pulse is closed,
// so the figures never change while anyone can see them and no two views differ by a few people.

export const PULSE_STATEMENTS: readonly { item: number; statement: string; reversed: boolean }[] = [
  { item: 1, statement: 'If you make a mistake on this team, it is often held against you.', reversed: true },
  {
    item: 2,
    statement: 'Members of this team are able to bring up problems and tough issues.',
    reversed: false,
  },
  { item: 3, statement: 'People on this team sometimes reject others for being different.', reversed: true },
  { item: 4, statement: 'It is safe to take a risk on this team.', reversed: false },
  { item: 5, statement: 'It is difficult to ask other members of this team for help.', reversed: true },
  {
    item: 6,
    statement: 'No one on this team would deliberately act in a way that undermines my efforts.',
    reversed: false,
  },
  {
    item: 7,
    statement: 'Working with members of this team, my unique skills and talents are valued and utilized.',
    reversed: false,
  },
];

export const PULSE_SCALE_MIN = 1;
export const PULSE_SCALE_MAX = 7;
/** The survey tools' own practice: never fewer than three people behind a figure. */
export const MIN_PULSE_THRESHOLD = 3;
export const DEFAULT_PULSE_THRESHOLD = 5;
export const MAX_PULSE_THRESHOLD = 50;

/** A workspace's threshold, never below the floor whatever is stored. */
export function effectiveThreshold(setting: number | null | undefined): number {
  if (setting === null || setting === undefined || !Number.isFinite(setting)) return DEFAULT_PULSE_THRESHOLD;
  return Math.max(MIN_PULSE_THRESHOLD, Math.floor(setting));
}

export function isValidAnswers(answers: readonly number[]): boolean {
  return (
    answers.length === PULSE_STATEMENTS.length &&
    answers.every((a) => Number.isInteger(a) && a >= PULSE_SCALE_MIN && a <= PULSE_SCALE_MAX)
  );
}

/** One answer with items 1, 3 and 5 turned around, so 7 always means "safer". */
export function scoredAnswers(answers: readonly number[]): number[] {
  if (!isValidAnswers(answers)) throw new Error('A pulse answer is seven integers from 1 to 7.');
  return answers.map((a, i) => (PULSE_STATEMENTS[i]?.reversed ? PULSE_SCALE_MIN + PULSE_SCALE_MAX - a : a));
}

export interface PulseScore {
  responses: number;
  /** Mean of the seven reverse-scored item means, 1..7. */
  score: number;
  items: { item: number; statement: string; reversed: boolean; mean: number }[];
}

/** Per-item sums of raw answers (as the database adds them up) and how many answers they hold. */
export interface PulseSums {
  responses: number;
  /** Seven raw sums, before reverse scoring. */
  sums: readonly number[];
}

/** Adds up raw answers: what `select sum(item1) …` gives, for code that holds the answers. */
export function sumAnswers(answers: readonly (readonly number[])[]): PulseSums {
  const sums = new Array<number>(PULSE_STATEMENTS.length).fill(0);
  for (const answer of answers) {
    if (!isValidAnswers(answer)) throw new Error('A pulse answer is seven integers from 1 to 7.');
    answer.forEach((value, i) => {
      sums[i] = (sums[i] ?? 0) + value;
    });
  }
  return { responses: answers.length, sums };
}

/** Item means with 1, 3 and 5 reversed (8 − x on average), and their mean. Use through `pulseResults`. */
export function scorePulse(total: PulseSums): PulseScore | null {
  const n = total.responses;
  if (n <= 0 || total.sums.length !== PULSE_STATEMENTS.length) return null;
  const items = PULSE_STATEMENTS.map((s, i) => {
    const raw = (total.sums[i] ?? 0) / n;
    return { ...s, mean: s.reversed ? PULSE_SCALE_MIN + PULSE_SCALE_MAX - raw : raw };
  });
  const score = items.reduce((acc, i) => acc + i.mean, 0) / items.length;
  return { responses: n, score, items };
}

export interface PulseVisibility {
  responses: number;
  threshold: number;
  closed: boolean;
}

/** Figures are shown only for a closed pulse with at least `threshold` answers. */
export function resultsVisible(v: PulseVisibility): boolean {
  return v.closed && v.responses >= effectiveThreshold(v.threshold);
}

/** Comments need as many writers as the threshold, on top of the results being visible. */
export function commentsVisible(v: PulseVisibility, comments: number): boolean {
  return resultsVisible(v) && comments >= effectiveThreshold(v.threshold);
}

/** Fisher–Yates with an injectable source of randomness (tests pass a seeded one). */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface PulseResultsView {
  responses: number;
  threshold: number;
  score: number | null;
  items: PulseScore['items'] | null;
  comments: string[] | null;
}

/** What anyone may see of a pulse: counts always, figures and comments only past the rules above. */
export function pulseResults(
  v: PulseVisibility,
  total: PulseSums,
  comments: readonly string[],
  random: () => number = Math.random,
): PulseResultsView {
  const threshold = effectiveThreshold(v.threshold);
  const hidden = { responses: v.responses, threshold, score: null, items: null, comments: null };
  if (!resultsVisible(v)) return hidden;
  const scored = scorePulse(total);
  if (!scored) return hidden;
  return {
    responses: v.responses,
    threshold,
    score: scored.score,
    items: scored.items,
    comments: commentsVisible(v, comments.length) ? shuffled(comments, random) : null,
  };
}
