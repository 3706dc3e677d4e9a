import type { Mode } from '../model.js';
import { recordedReason } from './text.js';

// "When to deploy": a short questionnaire scored by explainable rules into individual work, cooperative
// work (split a known task) or collaborative learning (the group constructs an answer nobody has).
// Every recommendation carries the sentences that decided it, in the words a manager would use.

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export const STAKES = ['low', 'medium', 'high'] as const;
export type Stakes = (typeof STAKES)[number];

export const TIME_AVAILABLE = ['hours', 'days', 'weeks'] as const;
export type TimeAvailable = (typeof TIME_AVAILABLE)[number];

export const RECOMMENDATIONS = ['individual', 'cooperative', 'collaborative'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface FitAnswers {
  answerKnown: YesNo;
  routine: YesNo;
  newToEveryone: YesNo;
  goalUnclear: YesNo;
  needsPerspectives: YesNo;
  stakes: Stakes;
  time: TimeAvailable;
}

export interface FitOption {
  value: string;
  label: string;
}

export interface FitQuestion {
  id: keyof FitAnswers;
  text: string;
  help: string;
  options: readonly FitOption[];
}

export interface FitCheckResult {
  recommendation: Recommendation;
  /** The deciding rule first, then the answers that pointed the same way, then any caution. */
  reasons: string[];
}

const yesNo: readonly FitOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The questions in the order the UI asks them; option values are exactly the values of FitAnswers. */
export const FIT_QUESTIONS: readonly FitQuestion[] = [
  {
    id: 'answerKnown',
    text: 'Is the answer already known, or written down somewhere?',
    help: 'A manual, a playbook, a colleague who has solved exactly this before.',
    options: yesNo,
  },
  {
    id: 'routine',
    text: 'Is the task routine or simple?',
    help: 'Something the team does regularly, with steps everybody recognises.',
    options: yesNo,
  },
  {
    id: 'newToEveryone',
    text: 'Is the problem new to everyone on the team, you included?',
    help: 'Nobody has faced this kind of problem here before.',
    options: yesNo,
  },
  {
    id: 'goalUnclear',
    text: 'Is the goal, or the cause of the problem, unclear?',
    help: 'For example: why is a product line failing? how do we enter a new market?',
    options: yesNo,
  },
  {
    id: 'needsPerspectives',
    text: 'Does it need several perspectives to see the whole picture?',
    help: 'Customer, finance, operations, data… each person sees a part the others need.',
    options: yesNo,
  },
  {
    id: 'stakes',
    text: 'How much is at stake?',
    help: 'What it would cost the business to get this wrong.',
    options: [
      { value: 'low', label: 'Low' },
      { value: 'medium', label: 'Medium' },
      { value: 'high', label: 'High' },
    ],
  },
  {
    id: 'time',
    text: 'How much time is there?',
    help: 'Until a decision or a result is needed.',
    options: [
      { value: 'hours', label: 'Hours' },
      { value: 'days', label: 'Days' },
      { value: 'weeks', label: 'Weeks' },
    ],
  },
];

/** Every sentence the fit check can give, so the UI, the docs and the tests quote the same words. */
export const FIT_REASONS = {
  knownAndSimple:
    'If a task is simple and the answer is known then collaboration is just a waste of time: one person can do it, or follow what is written down.',
  knownNotSimple:
    'The answer is already known or written down, so nobody has to construct it; the task is not simple, so split it into pieces.',
  knownButNovelCaution:
    'You also said it looks new, unclear or in need of several perspectives: start from what is written down, and open a collaborative inquiry only on what it leaves open.',
  familiarRoutine:
    'The answer is not written down, but the task is routine and familiar, the goal is clear and no other perspectives are needed: someone who has done it before can just do it.',
  familiarNotSimple:
    'Nobody has the answer yet, but the problem is familiar, the goal is clear and one perspective is enough: this is the execution of a known kind of task.',
  novel:
    'Nobody has the answer and the problem is novel or ambiguous: when the answer is not in a manual, the team must construct it together.',
  newToEveryone: 'It is new to everyone, so nobody can simply be handed the answer.',
  goalUnclear:
    'The goal or the cause is unclear: the kind of ambiguity (why is a product line failing?) where collaborative learning shines.',
  needsPerspectives: 'It needs several perspectives: each person sees a part of the picture the others need.',
  mixed:
    'The signals are mixed: nobody has the answer, but only one sign of a novel problem. The stakes and the time decide.',
  tieHighStakes:
    "The stakes are high: worth the whole group's thinking, and the understanding it builds stays in the team, not only in the manager's head.",
  tieShortTime: 'There are only hours: split the work rather than run a whole inquiry.',
  tieRoutine: 'The task is routine: splitting it into pieces is enough.',
  tieLowStakes: 'The stakes are low: not worth the whole group wrestling with it.',
  tieDefault: 'With medium stakes and days or weeks to work, the whole group wrestling with it is worth it.',
  shortTimeCaution:
    'There are only hours: keep the phases short, or decide for now and open a full inquiry later.',
  meansIndividual: 'Just do it, or follow the manual: no inquiry is needed.',
  meansCooperative:
    'Cooperative: split the task into subtasks and give each to one person, then assemble the pieces; the authority stays with the manager.',
  meansCollaborative:
    'Collaborative: the whole group wrestles with the whole problem, and the authority shifts to the group; the manager facilitates instead of instructing.',
} as const;

const MEANING: Record<Recommendation, string> = {
  individual: FIT_REASONS.meansIndividual,
  cooperative: FIT_REASONS.meansCooperative,
  collaborative: FIT_REASONS.meansCollaborative,
};

function result(recommendation: Recommendation, reasons: string[]): FitCheckResult {
  return { recommendation, reasons: [...reasons, MEANING[recommendation]] };
}

/** The answers that say "this problem is novel", each with the sentence that explains it. */
function noveltySignals(a: FitAnswers): string[] {
  const signals: string[] = [];
  if (a.newToEveryone === 'yes') signals.push(FIT_REASONS.newToEveryone);
  if (a.goalUnclear === 'yes') signals.push(FIT_REASONS.goalUnclear);
  if (a.needsPerspectives === 'yes') signals.push(FIT_REASONS.needsPerspectives);
  return signals;
}

/**
 * The rules, first match wins:
 * 1. answer known and task simple → individual (the article's own sentence);
 * 2. answer known → cooperative: execution of a known task, never collaborative;
 * 3. no sign of novelty (not new, goal clear, one perspective) → individual if routine, else cooperative;
 * 4. two or three signs of novelty → collaborative;
 * 5. exactly one sign → the tie is broken, in this order, by high stakes (collaborative), only hours
 *    (cooperative), a routine task (cooperative), low stakes (cooperative), else collaborative.
 */
export function fitCheck(a: FitAnswers): FitCheckResult {
  const signals = noveltySignals(a);
  if (a.answerKnown === 'yes') {
    if (a.routine === 'yes') return result('individual', [FIT_REASONS.knownAndSimple]);
    const caution = signals.length > 0 ? [FIT_REASONS.knownButNovelCaution] : [];
    return result('cooperative', [FIT_REASONS.knownNotSimple, ...caution]);
  }
  if (signals.length === 0) {
    return a.routine === 'yes'
      ? result('individual', [FIT_REASONS.familiarRoutine])
      : result('cooperative', [FIT_REASONS.familiarNotSimple]);
  }
  const shortTime = a.time === 'hours' ? [FIT_REASONS.shortTimeCaution] : [];
  if (signals.length >= 2) return result('collaborative', [FIT_REASONS.novel, ...signals, ...shortTime]);

  const mixed = [FIT_REASONS.mixed, ...signals];
  if (a.stakes === 'high')
    return result('collaborative', [...mixed, FIT_REASONS.tieHighStakes, ...shortTime]);
  if (a.time === 'hours') return result('cooperative', [...mixed, FIT_REASONS.tieShortTime]);
  if (a.routine === 'yes') return result('cooperative', [...mixed, FIT_REASONS.tieRoutine]);
  if (a.stakes === 'low') return result('cooperative', [...mixed, FIT_REASONS.tieLowStakes]);
  return result('collaborative', [...mixed, FIT_REASONS.tieDefault]);
}

/** What is stored on the inquiry: the recommendation, the mode chosen, and why they differ if they do. */
export interface FitDecision {
  recommendation: Recommendation;
  chosenMode: Mode;
  overridden: boolean;
  overrideReason: string | null;
}

export type FitDecisionOutcome = { ok: true; decision: FitDecision } | { ok: false; message: string };

/**
 * The facilitator may run the inquiry in another mode than recommended (an inquiry is always cooperative
 * or collaborative, so "individual" can only be overridden), but must record why.
 */
export function decideMode(
  recommendation: Recommendation,
  chosenMode: Mode,
  overrideReason?: string | null,
): FitDecisionOutcome {
  if (chosenMode === recommendation) {
    return { ok: true, decision: { recommendation, chosenMode, overridden: false, overrideReason: null } };
  }
  const reason = recordedReason(overrideReason);
  if (reason === null) {
    return {
      ok: false,
      message: `The fit check recommends ${recommendation} work; to run it as ${chosenMode}, write a short reason.`,
    };
  }
  return { ok: true, decision: { recommendation, chosenMode, overridden: true, overrideReason: reason } };
}
