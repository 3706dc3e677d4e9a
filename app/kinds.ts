import {
  type Icon,
  IconAnchor,
  IconArrowForwardUp,
  IconArrowsJoin,
  IconBolt,
  IconBulb,
  IconChartBar,
  IconFlask,
  IconHelpCircle,
  IconMessageCheck,
  IconSparkles,
  IconThumbUp,
  IconZoomQuestion,
} from '@tabler/icons-react';
import { LINK_VERBS } from '../domain/links.js';
import { PHASE_GUIDES } from '../domain/mechanics/phases.js';
import {
  CONFIDENCES,
  CONTRIBUTION_KINDS,
  type Confidence,
  type ContributionKind,
  type ContributionState,
  type LinkKind,
  PHASES,
  type Phase,
} from '../domain/model.js';

// One colour, one icon and one label per contribution kind, used everywhere in the app.
// Colour is never the only signal: the icon and the label travel with it.

export interface KindStyle {
  label: string;
  plural: string;
  color: string;
  icon: Icon;
  hint: string;
  placeholder: string;
}

export const KINDS: Record<ContributionKind, KindStyle> = {
  question: {
    label: 'Question',
    plural: 'Questions',
    color: 'blue',
    icon: IconHelpCircle,
    hint: 'Something the group needs to find out.',
    placeholder: 'Which customers stopped buying Aurora first, and when?',
  },
  hypothesis: {
    label: 'Hypothesis',
    plural: 'Hypotheses',
    color: 'grape',
    icon: IconFlask,
    hint: 'A possible explanation we could test.',
    placeholder: 'Sales dropped because the new price crossed a budget threshold for small shops.',
  },
  evidence: {
    label: 'Evidence',
    plural: 'Evidence',
    color: 'teal',
    icon: IconChartBar,
    hint: 'Data, an observation or a source — say where it comes from.',
    placeholder: 'Q3 churn: 41% of cancellations came from shops under 5 staff (CRM export, 2 Oct).',
  },
  assumption: {
    label: 'Assumption',
    plural: 'Assumptions',
    color: 'orange',
    icon: IconAnchor,
    hint: 'Something we take for granted that may not be true.',
    placeholder: 'We assume our customers compare us with the two big competitors only.',
  },
  idea: {
    label: 'Idea',
    plural: 'Ideas',
    color: 'yellow',
    icon: IconBulb,
    hint: 'Something we could try.',
    placeholder: 'Offer a 3-seat plan and see whether small shops come back.',
  },
  insight: {
    label: 'Insight',
    plural: 'Insights',
    color: 'pink',
    icon: IconSparkles,
    hint: 'What I understand now that I did not before.',
    placeholder: 'Price was never the problem on its own — onboarding time was.',
  },
  unknown: {
    label: 'Unknown',
    plural: 'Unknowns',
    color: 'gray',
    icon: IconZoomQuestion,
    hint: "I don't know yet — and here is what I'd need to know.",
    placeholder: "I don't know how long onboarding takes. I'd need the support team's ticket times.",
  },
};

export const KIND_LIST: readonly ContributionKind[] = CONTRIBUTION_KINDS;

export interface LinkStyle {
  verb: string;
  label: string;
  color: string;
  icon: Icon;
}

export const LINKS: Record<LinkKind, LinkStyle> = {
  builds_on: { verb: LINK_VERBS.builds_on, label: 'Builds on', color: 'blue', icon: IconArrowForwardUp },
  supports: { verb: LINK_VERBS.supports, label: 'Supports', color: 'green', icon: IconThumbUp },
  challenges: { verb: LINK_VERBS.challenges, label: 'Challenges', color: 'red', icon: IconBolt },
  answers: { verb: LINK_VERBS.answers, label: 'Answers', color: 'teal', icon: IconMessageCheck },
  synthesizes: { verb: LINK_VERBS.synthesizes, label: 'Synthesizes', color: 'grape', icon: IconArrowsJoin },
};

/** The link kinds a reply to a note of this kind may use: only questions can be answered. */
export function replyKindsFor(target: ContributionKind): LinkKind[] {
  const all: LinkKind[] = ['builds_on', 'supports', 'challenges', 'answers', 'synthesizes'];
  return target === 'question' ? all : all.filter((k) => k !== 'answers');
}

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  unsure: 'Unsure',
  leaning: 'Leaning',
  confident: 'Confident',
};
export const CONFIDENCE_LIST = CONFIDENCES;

export const STATE_STYLES: Record<ContributionState, { label: string; color: string }> = {
  untested: { label: 'Untested', color: 'gray' },
  supported: { label: 'Supported', color: 'green' },
  refuted: { label: 'Refuted', color: 'red' },
  open: { label: 'Open', color: 'blue' },
  answered: { label: 'Answered', color: 'green' },
};

/** Each phase's name and what the group does in it, from the domain's phase guides. */
export const PHASE_STYLES: Record<Phase, { label: string; purpose: string; waitsFor: string }> =
  Object.fromEntries(
    PHASES.map((p) => [
      p,
      { label: PHASE_GUIDES[p].title, purpose: PHASE_GUIDES[p].does, waitsFor: PHASE_GUIDES[p].waitsFor },
    ]),
  ) as Record<Phase, { label: string; purpose: string; waitsFor: string }>;

export const ROLE_LABELS = { owner: 'Owner', facilitator: 'Facilitator', member: 'Member' } as const;
