import type { InsightRule } from './rules.js';

// The facilitator's prompt library: for each rule, the question the console suggests. The manager as
// facilitator asks rather than tells ("Are we sure about this assumption? What data are we ignoring?"),
// so every default is an open question to the group or to one person, never an answer. A workspace may
// rewrite them; {person}, {note} and {lens} are filled in from the finding.

export const PLACEHOLDERS = ['person', 'note', 'lens'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type AddressedTo = 'group' | 'person';

export interface PromptDefault {
  text: string;
  addressedTo: AddressedTo;
}

/** Which placeholders each rule can fill: a note rule has a note, a people rule has a person. */
export const RULE_PLACEHOLDERS: Record<InsightRule, readonly Placeholder[]> = {
  untested_assumption: ['note'],
  unused_evidence: ['note'],
  unsupported_hypothesis: ['note'],
  unanswered_question: ['note'],
  silent_participant: ['person'],
  dominant_voice: ['person'],
  facilitator_dominance: ['person'],
  no_challenges: [],
  premature_convergence: ['note'],
  unheard_lens: ['person', 'lens'],
};

export const DEFAULT_PROMPTS: Record<InsightRule, PromptDefault> = {
  untested_assumption: {
    text: 'Are we sure about this assumption: {note}? What would we expect to see if it were wrong, and has anyone looked?',
    addressedTo: 'group',
  },
  unused_evidence: {
    text: 'What data are we ignoring? {note} — which of our hypotheses or ideas does this speak to, for or against?',
    addressedTo: 'group',
  },
  unsupported_hypothesis: {
    text: 'What data would tell us whether {note} holds? Who has seen something that supports or contradicts it?',
    addressedTo: 'group',
  },
  unanswered_question: {
    text: '{note} is still open. Who has part of an answer, or knows where we could find one?',
    addressedTo: 'group',
  },
  silent_participant: {
    text: '{person}, what are you seeing that we have not talked about yet? A half-formed thought or an “I don’t know yet” helps too.',
    addressedTo: 'person',
  },
  dominant_voice: {
    text: 'We have heard a lot from {person} so far — thank you. Who sees this differently, or would add something that has not been said?',
    addressedTo: 'group',
  },
  facilitator_dominance: {
    text: 'I have been doing a lot of the talking. Before I add anything more: what do you make of it, and where do you think I am wrong?',
    addressedTo: 'group',
  },
  no_challenges: {
    text: 'We seem to agree on everything so far. What is the strongest case against our favourite explanation?',
    addressedTo: 'group',
  },
  premature_convergence: {
    text: 'Before we settle on an answer: {note} is still open. What would change our conclusion if it turned out differently?',
    addressedTo: 'group',
  },
  unheard_lens: {
    text: '{person}, how does this look from the {lens} side? What are we missing that you would see first?',
    addressedTo: 'person',
  },
};

const PLACEHOLDER = /\{([a-zA-Z_]+)\}/g;

/** The placeholders a prompt text uses that its rule cannot fill; empty when the text is fine. */
export function unknownPlaceholders(rule: InsightRule, text: string): string[] {
  const allowed = new Set<string>(RULE_PLACEHOLDERS[rule]);
  const bad = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!allowed.has(m[1] ?? '')) bad.add(`{${m[1]}}`);
  return [...bad];
}

/** Fills {person}, {note} and {lens}; a placeholder with nothing to fill it is left as plain words. */
export function fillPrompt(text: string, values: Partial<Record<Placeholder, string>>): string {
  const fallback: Record<Placeholder, string> = { person: 'everyone', note: 'this note', lens: 'your' };
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const key = name as Placeholder;
    return values[key] ?? fallback[key];
  });
}

/** An @mention the board recognises for anyone, whatever their first name: "@[Full Name]". */
export const mention = (name: string): string => `@[${name}]`;
