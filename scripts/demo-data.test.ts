import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTION_KINDS, LINK_KINDS } from '../domain/model.js';
import { verifyPassword } from '../server/auth/password.js';
import { reflectionsOf } from '../server/commands/reflect.js';
import { findProposal } from '../server/store/conclusions.js';
import { type OpenDatabase, openDatabase } from '../server/store/db.js';
import { findInquiry } from '../server/store/inquiries.js';
import { findCredentials } from '../server/store/users.js';
import { createDemoWorkspace, DEMO_LOGINS, hasDemoWorkspace } from './demo-data.js';

let dir: string;
let database: OpenDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'colearn-demo-'));
  database = await openDatabase({ kind: 'sqlite', file: join(dir, 'demo.sqlite') });
});

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const countUsers = async () =>
  Number(
    (
      await database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('createDemoWorkspace', () => {
  let first: { workspaceId: string; inquiryId: string };

  it('creates the shared demo workspace and reports it', async () => {
    expect(await hasDemoWorkspace(database.db)).toBe(false);
    first = await createDemoWorkspace(database.db);
    expect(await hasDemoWorkspace(database.db)).toBe(true);
  });

  it('writes a main inquiry with 40+ notes of every kind, from several people, some anonymous', async () => {
    const { db } = database;
    const notes = await db
      .selectFrom('contributions')
      .selectAll()
      .where('inquiry_id', '=', first.inquiryId)
      .orderBy('id')
      .execute();
    expect(notes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(CONTRIBUTION_KINDS));
    expect(new Set(notes.map((n) => n.author_id)).size).toBeGreaterThanOrEqual(5);
    expect(notes.filter((n) => n.anonymous === 1).length).toBeGreaterThanOrEqual(3);
    expect(new Set(notes.map((n) => n.confidence))).toEqual(new Set(['unsure', 'leaning', 'confident']));
    const states = new Set(notes.map((n) => n.state));
    for (const state of ['untested', 'supported', 'refuted', 'open', 'answered'])
      expect(states).toContain(state);

    // Ids sort like the timestamps, which spread over the last ten days and never lie in the future.
    const times = notes.map((n) => Date.parse(n.created_at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThan(Date.now());
    expect(Date.now() - Math.min(...times)).toBeGreaterThan(8 * 24 * 3600_000);
    expect(Date.now() - Math.min(...times)).toBeLessThan(11 * 24 * 3600_000);
  });

  it('links the notes with every kind of link, within the inquiry', async () => {
    const { db } = database;
    const links = await db
      .selectFrom('links')
      .selectAll()
      .where('inquiry_id', '=', first.inquiryId)
      .execute();
    expect(new Set(links.map((l) => l.kind))).toEqual(new Set(LINK_KINDS));
    expect(links.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(
      (
        await db.selectFrom('contributions').select('id').where('inquiry_id', '=', first.inquiryId).execute()
      ).map((r) => r.id),
    );
    for (const l of links) expect(ids.has(l.from_id) && ids.has(l.to_id)).toBe(true);
  });

  it('puts the facilitator and four members on it, with perspectives, in a later phase', async () => {
    const { db } = database;
    const inquiry = await db
      .selectFrom('inquiries')
      .selectAll()
      .where('id', '=', first.inquiryId)
      .executeTakeFirstOrThrow();
    expect(inquiry.title).toBe('Aurora product line is losing customers');
    expect(inquiry.allow_anonymous).toBe(1);
    expect(inquiry.mode).toBe('collaborative');
    const participants = await db
      .selectFrom('inquiry_participants')
      .selectAll()
      .where('inquiry_id', '=', first.inquiryId)
      .execute();
    expect(participants.length).toBeGreaterThanOrEqual(5);
    expect(participants.filter((p) => p.perspective).length).toBe(4);
    const others = await db
      .selectFrom('inquiries')
      .select('phase')
      .where('workspace_id', '=', first.workspaceId)
      .execute();
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(new Set(others.map((o) => o.phase)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives every demo login the printed password', async () => {
    for (const person of DEMO_LOGINS.people) {
      const found = await findCredentials(database.db, person.email);
      expect(found?.user.name).toBe(person.name);
      expect(await verifyPassword(found?.passwordHash ?? '', DEMO_LOGINS.password)).toBe(true);
    }
  });

  it('reuses the demo accounts when run again', async () => {
    const users = await countUsers();
    const ids = await Promise.all(
      DEMO_LOGINS.people.map(async (p) => (await findCredentials(database.db, p.email))?.user.id),
    );
    const second = await createDemoWorkspace(database.db);
    expect(second.workspaceId).not.toBe(first.workspaceId);
    expect(await countUsers()).toBe(users);
    const again = await Promise.all(
      DEMO_LOGINS.people.map(async (p) => (await findCredentials(database.db, p.email))?.user.id),
    );
    expect(again).toEqual(ids);
  });

  it('makes a private copy for an owner, peopled by accounts nobody can sign in as', async () => {
    const { db } = database;
    const owner = await db
      .insertInto('users')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        email: 'newcomer@example.com',
        name: 'New Comer',
        password_hash: 'x',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .execute();
    const ownerId = owner[0]?.id ?? '';
    const copy = await createDemoWorkspace(db, { ownerId });
    const members = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'memberships.role'])
      .where('memberships.workspace_id', '=', copy.workspaceId)
      .execute();
    expect(members.find((m) => m.id === ownerId)?.role).toBe('owner');
    const shared = new Set(DEMO_LOGINS.people.map((p) => p.email));
    expect(members.filter((m) => shared.has(m.email))).toEqual([]);
    for (const m of members.filter((m) => m.id !== ownerId)) {
      const found = await findCredentials(db, m.email);
      expect(await verifyPassword(found?.passwordHash ?? '', DEMO_LOGINS.password)).toBe(false);
    }
  });
});

describe('the concluded demo inquiry', () => {
  it('ends as a real one does: an adopted conclusion, complete reflections and commitments', async () => {
    const { workspaceId } = await createDemoWorkspace(database.db, { ownerId: await anyUserId() });
    const inquiry = await database.db
      .selectFrom('inquiries')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('phase', '=', 'concluded')
      .executeTakeFirstOrThrow();
    const record = await findInquiry(database.db, inquiry.id);
    if (!record) throw new Error('no inquiry');
    const proposal = (await findProposal(database.db, inquiry.id))?.proposal;
    expect(proposal?.adopted?.version).toBe(1);
    expect(proposal?.endorsements).toHaveLength(3);
    const reflections = await reflectionsOf(database.db, record);
    expect(reflections.readiness.ready).toBe(true);
    expect(reflections.items.every((r) => r.complete)).toBe(true);
    const commitments = await database.db
      .selectFrom('commitments')
      .select('status')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(commitments.map((c) => c.status).sort()).toEqual(['done', 'open']);
  });
});

async function anyUserId(): Promise<string> {
  return (await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
}
