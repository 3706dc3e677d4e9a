import type { InsightRule, Severity } from '../../domain/insights/rules.js';

// The console's definitions in plain words, in one place: the help page shows them, and each section of the
// console links to its entry ("How is this computed?"). docs/insights.md says the same for developers.

export interface HelpEntry {
  /** Anchor on the help page: /help#<id>. */
  id: string;
  title: string;
  paragraphs: string[];
  /** Terms and their definitions, after the paragraphs. */
  terms?: { term: string; definition: string }[];
}

export interface RuleHelp {
  /** What the console calls a finding of this rule. */
  title: string;
  /** One line: what the rule watches for. */
  watches: string;
  /** How it decides, with the threshold a workspace can tune. */
  how: string;
}

export const RULE_HELP: Record<InsightRule, RuleHelp> = {
  untested_assumption: {
    title: 'Untested assumption',
    watches: 'an assumption nobody has supported or challenged',
    how: 'An assumption that, after a while (60 minutes unless your workspace changed it), has no note linked to it as “supports” or “challenges”. Severity rises the longer it stays untested.',
  },
  unused_evidence: {
    title: 'Unused evidence',
    watches: 'evidence that no hypothesis or idea uses',
    how: 'A piece of evidence that, after a while (60 minutes by default), is not linked with any hypothesis or idea, in either direction. Severity rises at 4× the threshold.',
  },
  unsupported_hypothesis: {
    title: 'Hypothesis without evidence',
    watches: 'a hypothesis resting on no evidence',
    how: 'A hypothesis that, after a while (60 minutes by default), is linked with no evidence, in either direction. Marking it “supported” without evidence does not count.',
  },
  unanswered_question: {
    title: 'Unanswered question',
    watches: 'a question open for long with no answer',
    how: 'A question nobody has linked a note to as “answers”, and its author has not marked answered, after a while (120 minutes by default).',
  },
  silent_participant: {
    title: 'Quiet participant',
    watches: 'a participant who has not contributed, or only early on',
    how: 'A participant (not the facilitator) with no note under their name a while after the inquiry left framing or after they joined (120 minutes by default), or who spoke only early: the group went on writing for that long after their last note. Never while framing. Anonymous notes are never attributed, so someone who only posts anonymously can look quiet here.',
  },
  dominant_voice: {
    title: 'One voice dominates',
    watches: 'one person with an outsized share of the notes',
    how: 'Once there are at least 8 notes with a name on them: one person wrote more than half of them, or the Gini coefficient of notes per person is above 0.5 and one person is ahead of everyone else (all tunable).',
  },
  facilitator_dominance: {
    title: 'The instructor trap',
    watches: 'the facilitator writing more than a fair share',
    how: 'Once there are at least 8 notes with a name on them: the facilitator wrote more than 1.5 times a fair share of them (a fair share is 1 divided by the number of people).',
  },
  no_challenges: {
    title: 'No challenges (groupthink risk)',
    watches: 'a discussion where nobody has challenged anything',
    how: 'The inquiry has at least 10 notes (tunable) and not one “challenges” link.',
  },
  premature_convergence: {
    title: 'Converging too early',
    watches: 'a synthesis started while key questions or assumptions are still open',
    how: 'The synthesis has started (the inquiry is synthesizing or later, a note synthesizes others, or a conclusion is proposed) while questions are still open or assumptions untested (more than 0 by default).',
  },
  unheard_lens: {
    title: 'A lens not heard',
    watches: 'a perspective (lens) nobody has spoken from yet',
    how: 'A lens given to someone in this inquiry with no named note written through it, once the group has written at least 5 notes.',
  },
};

export const SEVERITY_LABEL: Record<Severity, { label: string; color: string; order: number }> = {
  alert: { label: 'Needs attention', color: 'red', order: 0 },
  warning: { label: 'Worth a look', color: 'orange', order: 1 },
  info: { label: 'For your information', color: 'blue', order: 2 },
};

export const HELP: HelpEntry[] = [
  {
    id: 'console',
    title: 'What the console is for',
    paragraphs: [
      'The facilitator’s console shows the health of the group’s thinking, so the facilitator can ask a good question instead of carrying every answer. It is visible to the inquiry’s facilitator and the workspace’s owners.',
      'Every finding says which rule fired, on which notes or people, and with which threshold. Each comes with a suggested question from the workspace’s library of prompts; “Ask” posts it into the inquiry as a question, addressed to the group or to one person. When someone answers it (links a note to it as “answers”), the console shows it as answered; the finding itself clears once what it saw has changed.',
    ],
  },
  {
    id: 'findings',
    title: 'Findings: the rules',
    paragraphs: [
      'Durations and limits below are the defaults; owners can change them for the workspace. Anonymous notes count towards the discussion (a question answered anonymously is answered) but are never attributed to anyone.',
    ],
    terms: Object.entries(RULE_HELP).map(([rule, r]) => ({
      term: `${r.title} (${rule})`,
      definition: r.how,
    })),
  },
  {
    id: 'participation',
    title: 'Participation and balance',
    paragraphs: [
      'Contributions are the notes each person wrote under their name. Build-ons are their notes that build on, support, challenge or answer someone else’s note. Acknowledgements are “this helped me” given and received.',
      'The Gini coefficient measures how unevenly the notes are spread: 0 means everyone wrote the same number, values near 1 mean one person wrote nearly all of them.',
      'The top voice’s share is the part of all attributed notes written by the person who wrote most. A fair share is 1 divided by the number of people; the facilitator’s share is compared with it, because a facilitator who writes far more than that is instructing rather than facilitating.',
      'The network shows who builds on whom: an arrow from one person to another for each time they built on, supported, challenged or answered the other’s notes; the thicker, the more often.',
    ],
  },
  {
    id: 'resilience',
    title: 'Knowledge resilience and the bus factor',
    paragraphs: [
      'For the inquiry and its conclusion, the holders are the people who contributed to it under their own name (a note, or proposing the conclusion), endorsed the conclusion, or explained it in their own words in a reflection’s teach-back (at least 20 words, not mostly copied). Anonymous notes never make anyone a holder, and only current members count.',
      'Someone can explain a piece of knowledge when they taught it back, or when they both contributed to it and endorsed it. Contributing alone (one question, say) or endorsing alone (nodding along) is not enough, so until a conclusion is proposed nobody can explain an inquiry yet.',
      'The bus factor is how many of the people who can explain it would have to be away before nobody left could: the number of people who can explain it. A bus factor of 1 means the knowledge rests on one person; 0 means nobody can explain it yet.',
      '“What if … were away?” takes one person out, the facilitator included, and shows the bus factor that is left and what nobody could explain any more.',
      'Across the workspace, owners and facilitators see the topics (inquiries) whose knowledge rests on one person, and the people who are the only one able to explain at least one topic: single points of failure.',
    ],
  },
  {
    id: 'understanding',
    title: 'Shared understanding: Kendall’s W',
    paragraphs: [
      'At the start of exploring and again in reflecting, the facilitator opens a check: each participant privately ranks the candidate explanations (the inquiry’s hypotheses, or 2 to 20 options the facilitator lists) and writes two sentences of their current theory. Rankings and theories are seen only by their author: never in the console, a list, a live event or an export.',
      'Kendall’s coefficient of concordance W says how much the rankings agree: 0 means no agreement at all, 1 means everyone ranked the items in the same order. Ties are corrected for. Comparing before and after shows whether the group’s mental model converged.',
      'While a check is open the console shows only how many have answered. Once the facilitator closes it, W appears (from two rankings) and so do the per-item figures (from three), so nobody’s ranking can be read off the change one more answer made.',
      'An item the group still splits on is one whose ranks are spread at least as widely as random rankings would be: the group agrees on its place no more than chance would.',
    ],
  },
  {
    id: 'pulse',
    title: 'Psychological-safety pulse and its privacy',
    paragraphs: [
      'The pulse asks the seven statements of the Team Psychological Safety scale (Edmondson, 1999) on a 7-point scale from 1 (very inaccurate) to 7 (very accurate); statements 1, 3 and 5 are worded negatively and reverse-scored. The score is the mean of the seven, from 1 to 7: higher is safer.',
      'The facilitator opens a pulse for an inquiry (its participants answer, not the facilitator), or an owner or facilitator opens one for the whole team. The people a pulse is about never answer it.',
      'Answers are stored without any link to the person (a separate record notes only who has answered, so nobody answers twice). Nobody, the facilitator and owners included, can see an individual answer.',
      'Results appear only in aggregate, only once the pulse is closed, and only if at least k people answered (k is a workspace setting: 5 unless changed, never below 3, fixed when the pulse opens). A closed pulse takes no more answers, so no two views can be compared to single anyone out. Comments are shown only when there are at least k of them, shuffled. The trend compares closed pulses that reached their threshold.',
    ],
  },
];
