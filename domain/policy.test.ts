import { describe, expect, it } from 'vitest';
import { type Action, type Actor, can } from './policy.js';

const owner: Actor = { userId: 'o', role: 'owner' };
const facilitator: Actor = { userId: 'f', role: 'facilitator' };
const member: Actor = { userId: 'm', role: 'member' };
const other: Actor = { userId: 'x', role: 'member' };

describe('policy', () => {
  it.each<[Action, Actor, boolean]>([
    ['workspace.read', member, true],
    ['workspace.invite', member, false],
    ['workspace.invite', facilitator, true],
    ['workspace.invite', owner, true],
    ['workspace.manageMembers', facilitator, false],
    ['workspace.manageMembers', owner, true],
    ['inquiry.create', member, false],
    ['inquiry.create', facilitator, true],
    ['inquiry.read', member, true],
    ['contribution.create', member, true],
    ['link.create', member, true],
  ])('%s for %o is %s', (action, actor, expected) => {
    expect(can(actor, action)).toBe(expected);
  });

  it('lets a facilitator invite facilitators but not owners', () => {
    expect(can(facilitator, 'workspace.invite', { invitedRole: 'facilitator' })).toBe(true);
    expect(can(facilitator, 'workspace.invite', { invitedRole: 'owner' })).toBe(false);
    expect(can(owner, 'workspace.invite', { invitedRole: 'owner' })).toBe(true);
  });

  it('lets only the inquiry facilitator or the owner update an inquiry', () => {
    const inquiry = { facilitatorId: 'f' };
    expect(can(facilitator, 'inquiry.update', inquiry)).toBe(true);
    expect(can({ userId: 'f2', role: 'facilitator' }, 'inquiry.update', inquiry)).toBe(false);
    expect(can(owner, 'inquiry.update', inquiry)).toBe(true);
    expect(can(member, 'inquiry.update', inquiry)).toBe(false);
  });

  it('lets only the author edit a note, and the author or a moderator change its state or delete it', () => {
    const note = { authorId: 'm', facilitatorId: 'f' };
    expect(can(member, 'contribution.edit', note)).toBe(true);
    expect(can(facilitator, 'contribution.edit', note)).toBe(false);
    expect(can(other, 'contribution.edit', note)).toBe(false);
    for (const action of ['contribution.setState', 'contribution.delete'] as const) {
      expect(can(member, action, note)).toBe(true);
      expect(can(facilitator, action, note)).toBe(true);
      expect(can(owner, action, note)).toBe(true);
      expect(can(other, action, note)).toBe(false);
    }
  });

  it('lets the link creator or a moderator remove a link', () => {
    const link = { createdBy: 'm', facilitatorId: 'f' };
    expect(can(member, 'link.delete', link)).toBe(true);
    expect(can(facilitator, 'link.delete', link)).toBe(true);
    expect(can(other, 'link.delete', link)).toBe(false);
  });
});

describe('the console (#5)', () => {
  it('shows workspace resilience to owners and facilitators, settings to owners', () => {
    expect(can(owner, 'resilience.read')).toBe(true);
    expect(can(facilitator, 'resilience.read')).toBe(true);
    expect(can(member, 'resilience.read')).toBe(false);
    expect(can(owner, 'workspace.configure')).toBe(true);
    expect(can(facilitator, 'workspace.configure')).toBe(false);
  });

  it('lets the inquiry facilitator or an owner run checks and inquiry pulses, and the opener close a pulse', () => {
    const inquiry = { facilitatorId: 'f' };
    expect(can(facilitator, 'understanding.manage', inquiry)).toBe(true);
    expect(can({ userId: 'f2', role: 'facilitator' }, 'understanding.manage', inquiry)).toBe(false);
    expect(can(member, 'pulse.openInquiry', inquiry)).toBe(false);
    expect(can(owner, 'pulse.openInquiry', inquiry)).toBe(true);
    expect(can(facilitator, 'pulse.openTeam')).toBe(true);
    expect(can(member, 'pulse.openTeam')).toBe(false);
    expect(can(member, 'pulse.close', { createdBy: 'm' })).toBe(true);
    expect(can(other, 'pulse.close', { createdBy: 'm' })).toBe(false);
    expect(can(owner, 'pulse.close', { createdBy: 'm' })).toBe(true);
  });
});
