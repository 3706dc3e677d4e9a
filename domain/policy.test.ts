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
