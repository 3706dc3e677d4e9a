import { CONTRIBUTION_KINDS, type ContributionKind, type LinkKind } from '../model.js';
import { isReflectionComplete, type Reflection } from './reflection.js';

// Individual accountability: the figures each person's panel shows the group. Pure counting, with two
// rules that keep it honest: only what someone did for or with *others* counts as a build-on, a challenge,
// an acknowledgement or help (linking or thanking one's own note is not interaction), and an anonymous note
// counts in nobody's figures except for its author looking at their own, or the figures would unmask it.

export interface PanelContribution {
  id: string;
  authorId: string;
  kind: ContributionKind;
  anonymous: boolean;
}

export interface PanelLink {
  fromId: string;
  toId: string;
  kind: LinkKind;
}

/** "This helped me": `userId` acknowledged the contribution. */
export interface Acknowledgement {
  contributionId: string;
  userId: string;
}

export interface HelpRequest {
  requesterId: string;
  /** Who answered the request ("I'm stuck on…"), if anyone has. */
  answeredBy: string | null;
}

export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export interface Commitment {
  ownerId: string;
  status: CommitmentStatus;
}

export interface PanelInput {
  participantIds: readonly string[];
  /** Only the notes the viewer may see (private mode is applied before this). */
  contributions: readonly PanelContribution[];
  links: readonly PanelLink[];
  acknowledgements: readonly Acknowledgement[];
  helpRequests: readonly HelpRequest[];
  reflections: readonly Reflection[];
  commitments: readonly Commitment[];
  /** The adopted conclusion, so a pasted teach-back is not counted as a complete reflection. */
  conclusionText?: string;
}

export type ReflectionStatus = 'missing' | 'incomplete' | 'complete';

export interface PersonPanel {
  userId: string;
  contributions: number;
  contributionsByKind: Record<ContributionKind, number>;
  /** Every link to someone else's note that is not a challenge: builds on, supports, answers, synthesizes. */
  buildOnsGiven: number;
  buildOnsReceived: number;
  challengesGiven: number;
  challengesReceived: number;
  acknowledgementsReceived: number;
  helpGiven: number;
  reflection: ReflectionStatus;
  commitments: Record<CommitmentStatus, number>;
}

function emptyPanel(userId: string): PersonPanel {
  return {
    userId,
    contributions: 0,
    contributionsByKind: Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, 0])) as Record<
      ContributionKind,
      number
    >,
    buildOnsGiven: 0,
    buildOnsReceived: 0,
    challengesGiven: 0,
    challengesReceived: 0,
    acknowledgementsReceived: 0,
    helpGiven: 0,
    reflection: 'missing',
    commitments: { open: 0, done: 0, dropped: 0 },
  };
}

/**
 * One panel per participant, in their order, as `viewerId` may see them: the viewer's own row includes
 * their anonymous notes, everyone else's row leaves anonymous notes out.
 */
export function accountabilityPanels(input: PanelInput, viewerId: string): PersonPanel[] {
  const panels = new Map<string, PersonPanel>();
  for (const id of input.participantIds) if (!panels.has(id)) panels.set(id, emptyPanel(id));
  const panelOf = (userId: string) => panels.get(userId);

  // A note is attributed to its author only when that cannot unmask an anonymous author.
  const attributable = new Map<string, PanelContribution>();
  for (const c of input.contributions) if (!c.anonymous || c.authorId === viewerId) attributable.set(c.id, c);
  const authorOf = new Map(input.contributions.map((c) => [c.id, c.authorId]));

  for (const c of attributable.values()) {
    const p = panelOf(c.authorId);
    if (!p) continue;
    p.contributions++;
    p.contributionsByKind[c.kind]++;
  }

  const counted = new Set<string>();
  for (const link of input.links) {
    const fromAuthor = authorOf.get(link.fromId);
    const toAuthor = authorOf.get(link.toId);
    if (fromAuthor === undefined || toAuthor === undefined || fromAuthor === toAuthor) continue;
    const challenge = link.kind === 'challenges';
    // Each pair of notes counts once as a build-on and once as a challenge at most.
    const key = `${link.fromId}\u0000${link.toId}\u0000${challenge}`;
    if (counted.has(key)) continue;
    counted.add(key);
    // A link with an end the viewer may not attribute counts for nobody: even "b's note was built on"
    // would tell, by whether the count moved, if the anonymous note at the other end was b's own.
    if (!attributable.has(link.fromId) || !attributable.has(link.toId)) continue;
    const giver = panelOf(fromAuthor);
    const receiver = panelOf(toAuthor);
    if (giver && challenge) giver.challengesGiven++;
    if (giver && !challenge) giver.buildOnsGiven++;
    if (receiver && challenge) receiver.challengesReceived++;
    if (receiver && !challenge) receiver.buildOnsReceived++;
  }

  const thanked = new Set<string>();
  for (const ack of input.acknowledgements) {
    const note = attributable.get(ack.contributionId);
    const key = `${ack.contributionId}\u0000${ack.userId}`;
    if (!note || note.authorId === ack.userId || thanked.has(key)) continue;
    thanked.add(key);
    const p = panelOf(note.authorId);
    if (p) p.acknowledgementsReceived++;
  }

  for (const h of input.helpRequests) {
    if (h.answeredBy === null || h.answeredBy === h.requesterId) continue;
    const p = panelOf(h.answeredBy);
    if (p) p.helpGiven++;
  }

  const latest = new Map<string, Reflection>();
  for (const r of input.reflections) latest.set(r.userId, r);
  for (const [userId, r] of latest) {
    const p = panelOf(userId);
    if (p) p.reflection = isReflectionComplete(r, input.conclusionText) ? 'complete' : 'incomplete';
  }

  for (const c of input.commitments) {
    const p = panelOf(c.ownerId);
    if (p) p.commitments[c.status]++;
  }
  return [...panels.values()];
}
