import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../commands/accept-invitation.js';
import { postContribution } from '../commands/contribute.js';
import { noLiveListeners } from '../live/transact.js';
import { freshDatabase, postgresUnavailable, type TestDatabase } from '../test/databases.js';
import {
  deleteContribution,
  findContribution,
  insertContribution,
  insertLink,
  listContributions,
  listLinksFrom,
} from './contributions.js';
import { type OpenDatabase, openDatabase } from './db.js';
import {
  createInquiry,
  findInquiry,
  listInquiries,
  listParticipants,
  replaceParticipants,
} from './inquiries.js';
import { createInvitation, findInvitationByToken, invitationStatus } from './invitations.js';
import { createSession, deleteSession, findSessionUser } from './sessions.js';
import { createUser, EmailTakenError, findCredentials, type UserRecord } from './users.js';
import {
  addMember,
  createWorkspace,
  LastOwnerError,
  listMembers,
  removeMember,
  setMemberRole,
} from './workspaces.js';

// One suite, both databases: the stores must behave the same on SQLite and PostgreSQL.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL store contract: ${postgresReason}`);

describe.each([
  { kind: 'sqlite' as const, skip: null },
  { kind: 'postgres' as const, skip: postgresReason },
])('store contract on $kind', ({ kind, skip }) => {
  let fresh: TestDatabase;
  let open: OpenDatabase;
  let n = 0;
  const user = (name = 'Ann'): Promise<UserRecord> =>
    createUser(open.db, { email: `${name}.${n++}@Example.com`, name, passwordHash: 'x' });

  beforeAll(async () => {
    if (skip) return;
    fresh = await freshDatabase(kind);
    open = await openDatabase(fresh.config);
  });
  afterAll(async () => {
    if (skip) return;
    await open.close();
    await fresh.drop();
  });

  it.skipIf(skip)('keeps e-mails unique regardless of case', async () => {
    const ann = await user();
    expect(ann.email).toBe(ann.email.toLowerCase());
    await expect(
      createUser(open.db, { email: ann.email.toUpperCase(), name: 'B', passwordHash: 'y' }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect((await findCredentials(open.db, ann.email.toUpperCase()))?.user.id).toBe(ann.id);
  });

  it.skipIf(skip)('keeps an account without a password (single sign-on) with its id', async () => {
    const id = '019a0000-0000-7000-8000-000000000001';
    const sso = await createUser(open.db, {
      id,
      email: `sso.${n++}@example.com`,
      name: 'S',
      passwordHash: null,
    });
    expect(sso.id).toBe(id);
    expect((await findCredentials(open.db, sso.email))?.passwordHash).toBeNull();
  });

  it.skipIf(skip)('finds a session by its token until it is deleted or expires', async () => {
    const ann = await user();
    const token = await createSession(open.db, ann.id, 60_000);
    expect((await findSessionUser(open.db, token))?.id).toBe(ann.id);
    await deleteSession(open.db, token);
    expect(await findSessionUser(open.db, token)).toBeNull();
    const expired = await createSession(open.db, ann.id, -1);
    expect(await findSessionUser(open.db, expired)).toBeNull();
  });

  it.skipIf(skip)('always keeps one owner in a workspace', async () => {
    const [ann, bob] = [await user('Ann'), await user('Bob')];
    const ws = await open.db.transaction().execute((trx) => createWorkspace(trx, 'Acme', ann.id));
    await addMember(open.db, ws.id, bob.id, 'member');
    await expect(setMemberRole(open.db, ws.id, ann.id, 'member')).rejects.toBeInstanceOf(LastOwnerError);
    await expect(removeMember(open.db, ws.id, ann.id)).rejects.toBeInstanceOf(LastOwnerError);
    await setMemberRole(open.db, ws.id, bob.id, 'owner');
    await setMemberRole(open.db, ws.id, ann.id, 'member');
    expect((await listMembers(open.db, ws.id)).map((m) => [m.user.name, m.role])).toEqual([
      ['Ann', 'member'],
      ['Bob', 'owner'],
    ]);
  });

  it.skipIf(skip)('lets an invitation be accepted once, even when two people race for it', async () => {
    const [ann, bob, cat] = [await user('Ann'), await user('Bob'), await user('Cat')];
    const ws = await open.db.transaction().execute((trx) => createWorkspace(trx, 'Acme', ann.id));
    const { token } = await createInvitation(open.db, {
      workspaceId: ws.id,
      email: 'x@example.com',
      role: 'member',
      invitedBy: ann.id,
      ttlMs: 60_000,
    });
    const results = await Promise.allSettled([
      acceptInvitation(open.db, token, bob.id),
      acceptInvitation(open.db, token, cat.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const invitation = await findInvitationByToken(open.db, token);
    expect(invitation && invitationStatus(invitation)).toBe('accepted');
    expect(await listMembers(open.db, ws.id)).toHaveLength(2);
  });

  it.skipIf(skip)('lists inquiries newest first with counts, a page at a time', async () => {
    const ann = await user();
    const bob = await user('Bob');
    const ws = await open.db.transaction().execute((trx) => createWorkspace(trx, 'Acme', ann.id));
    const framing = {
      context: '',
      successCriteria: '',
      mode: 'collaborative' as const,
      allowAnonymous: false,
    };
    const ids: string[] = [];
    for (const title of ['one', 'two', 'three']) {
      const inquiry = await createInquiry(open.db, {
        ...framing,
        title,
        question: `${title}?`,
        workspaceId: ws.id,
        facilitatorId: ann.id,
        participantIds: [bob.id],
      });
      ids.push(inquiry.id);
    }
    const inquiry = await findInquiry(open.db, ids[0] as string);
    if (!inquiry) throw new Error('missing');
    await insertContribution(open.db, {
      inquiryId: inquiry.id,
      authorId: bob.id,
      authorName: 'Bob',
      kind: 'idea',
      body: 'x',
      confidence: 'leaning',
      state: null,
      anonymous: false,
    });
    const first = await listInquiries(open.db, { workspaceId: ws.id, viewerId: bob.id, limit: 2 });
    expect(first.items.map((i) => i.title)).toEqual(['three', 'two']);
    const second = await listInquiries(open.db, {
      workspaceId: ws.id,
      viewerId: bob.id,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(
      second.items.map((i) => [i.title, i.participantCount, i.contributionCount, i.myContributionCount]),
    ).toEqual([['one', 2, 1, 1]]);
    expect(second.nextCursor).toBeNull();
    await replaceParticipants(open.db, inquiry, []);
    expect((await listParticipants(open.db, inquiry)).map((p) => p.role)).toEqual(['facilitator']);
  });

  it.skipIf(skip)('pages contributions in writing order and deletes a note with its links', async () => {
    const ann = await user();
    const ws = await open.db.transaction().execute((trx) => createWorkspace(trx, 'Acme', ann.id));
    const inquiry = await createInquiry(open.db, {
      title: 't',
      question: 'q?',
      context: '',
      successCriteria: '',
      mode: 'collaborative',
      allowAnonymous: true,
      workspaceId: ws.id,
      facilitatorId: ann.id,
      participantIds: [],
    });
    const notes = [];
    for (let i = 0; i < 5; i++) {
      notes.push(
        await insertContribution(open.db, {
          inquiryId: inquiry.id,
          authorId: ann.id,
          authorName: ann.name,
          kind: 'question',
          body: `note ${i}`,
          confidence: 'unsure',
          state: 'open',
          anonymous: i === 0,
        }),
      );
    }
    const [a, b, c] = notes as [(typeof notes)[0], (typeof notes)[0], (typeof notes)[0]];
    await insertLink(open.db, {
      inquiryId: inquiry.id,
      fromId: b.id,
      toId: a.id,
      kind: 'answers',
      createdBy: ann.id,
      anonymous: false,
    });
    await insertLink(open.db, {
      inquiryId: inquiry.id,
      fromId: c.id,
      toId: a.id,
      kind: 'builds_on',
      createdBy: ann.id,
      anonymous: false,
    });
    await expect(
      insertLink(open.db, {
        inquiryId: inquiry.id,
        fromId: b.id,
        toId: a.id,
        kind: 'answers',
        createdBy: ann.id,
        anonymous: false,
      }),
    ).rejects.toThrow();

    const page1 = await listContributions(open.db, { inquiryId: inquiry.id, limit: 3 });
    expect(page1.items.map((x) => x.body)).toEqual(['note 0', 'note 1', 'note 2']);
    expect(page1.items[0]?.anonymous).toBe(true);
    const page2 = await listContributions(open.db, {
      inquiryId: inquiry.id,
      limit: 3,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((x) => x.body)).toEqual(['note 3', 'note 4']);
    expect(page2.nextCursor).toBeNull();

    await open.db.transaction().execute((trx) => deleteContribution(trx, a.id));
    expect(await findContribution(open.db, a.id)).toBeNull();
    expect(await listLinksFrom(open.db, [b.id, c.id])).toEqual([]);
  });

  it.skipIf(skip)('writes nothing when one of a new note’s links is refused', async () => {
    const ann = await user();
    const ws = await open.db.transaction().execute((trx) => createWorkspace(trx, 'Acme', ann.id));
    const inquiry = await createInquiry(open.db, {
      title: 't',
      question: 'q?',
      context: '',
      successCriteria: '',
      mode: 'collaborative',
      allowAnonymous: false,
      workspaceId: ws.id,
      facilitatorId: ann.id,
      participantIds: [],
    });
    const idea = await postContribution({ db: open.db, events: noLiveListeners }, inquiry, ann, {
      kind: 'idea',
      body: 'first',
      confidence: 'leaning',
      anonymous: false,
      links: [],
    });
    await expect(
      postContribution({ db: open.db, events: noLiveListeners }, inquiry, ann, {
        kind: 'evidence',
        body: 'second',
        confidence: 'leaning',
        anonymous: false,
        links: [
          { toId: idea.contribution.id, kind: 'supports' },
          { toId: idea.contribution.id, kind: 'answers' },
        ],
      }),
    ).rejects.toMatchObject({ status: 400 });
    const all = await listContributions(open.db, { inquiryId: inquiry.id, limit: 10 });
    expect(all.items.map((x) => x.body)).toEqual(['first']);
    expect(await listLinksFrom(open.db, [idea.contribution.id])).toEqual([]);
  });
});
