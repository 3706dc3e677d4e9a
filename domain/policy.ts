import type { Role } from './model.js';

// Who may do what inside a workspace. Being outside the workspace is not a policy question: the server
// answers 404 before it gets here, so nothing of another workspace is ever confirmed to exist.

export interface Actor {
  userId: string;
  role: Role;
}

/** The facts about the thing acted on that a rule may look at. */
export interface Subject {
  facilitatorId?: string;
  authorId?: string;
  createdBy?: string;
  invitedRole?: Role;
}

export type Action =
  | 'workspace.read'
  | 'workspace.invite'
  | 'workspace.manageMembers'
  | 'inquiry.create'
  | 'inquiry.read'
  | 'inquiry.update'
  | 'inquiry.movePhase'
  | 'inquiry.reveal'
  | 'inquiry.assignPerspective'
  | 'subtask.manage'
  | 'subtask.report'
  | 'commitment.edit'
  | 'help.answer'
  | 'contribution.create'
  | 'contribution.edit'
  | 'contribution.setState'
  | 'contribution.delete'
  | 'link.create'
  | 'link.delete'
  | 'workspace.configure'
  | 'resilience.read'
  | 'understanding.manage'
  | 'pulse.openInquiry'
  | 'pulse.openTeam'
  | 'pulse.close'
  | 'inquiry.insights'
  | 'prompts.manage';

/** The inquiry's facilitator runs it; the workspace owner may step in for them. */
function moderates(actor: Actor, subject: Subject): boolean {
  return (
    actor.role === 'owner' || (subject.facilitatorId !== undefined && subject.facilitatorId === actor.userId)
  );
}

const RULES: Record<Action, (actor: Actor, subject: Subject) => boolean> = {
  'workspace.read': () => true,
  'workspace.invite': (a, s) => a.role === 'owner' || (a.role === 'facilitator' && s.invitedRole !== 'owner'),
  'workspace.manageMembers': (a) => a.role === 'owner',
  'inquiry.create': (a) => a.role === 'owner' || a.role === 'facilitator',
  'inquiry.read': () => true,
  'inquiry.update': moderates,
  'inquiry.movePhase': moderates,
  'inquiry.reveal': moderates,
  'inquiry.assignPerspective': moderates,
  // Cooperative mode: the facilitator splits the work and keeps the authority; assignees report on theirs.
  'subtask.manage': moderates,
  'subtask.report': (a, s) => s.authorId === a.userId || moderates(a, s),
  // A commitment is edited by whoever made it or owns it, or by a moderator.
  // Anyone but the person who asked may pick up and answer a help request.
  'help.answer': (a, s) => s.authorId !== a.userId,
  'commitment.edit': (a, s) => s.authorId === a.userId || s.createdBy === a.userId || moderates(a, s),
  'contribution.create': () => true,
  'contribution.edit': (a, s) => s.authorId === a.userId,
  'contribution.setState': (a, s) => s.authorId === a.userId || moderates(a, s),
  'contribution.delete': (a, s) => s.authorId === a.userId || moderates(a, s),
  'link.create': () => true,
  'link.delete': (a, s) => s.createdBy === a.userId || moderates(a, s),
  // The console (#5): where knowledge lives across the workspace is for those who run inquiries.
  'workspace.configure': (a) => a.role === 'owner',
  'resilience.read': (a) => a.role === 'owner' || a.role === 'facilitator',
  'understanding.manage': moderates,
  'pulse.openInquiry': moderates,
  'pulse.openTeam': (a) => a.role === 'owner' || a.role === 'facilitator',
  // Whoever opened a pulse closes it, or the inquiry's facilitator, or an owner.
  'pulse.close': (a, s) => s.createdBy === a.userId || moderates(a, s),
  // The console of one inquiry: its facilitator, or an owner stepping in.
  'inquiry.insights': moderates,
  // The workspace's prompt library: those who facilitate.
  'prompts.manage': (a) => a.role === 'owner' || a.role === 'facilitator',
};

export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  return RULES[action](actor, subject);
}
