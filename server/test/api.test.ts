import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable } from './databases.js';
import { contribute, createInquiry, createTeam, createWorkspace, join, signUp } from './factories.js';
import { Client, startServer, type TestServer } from './server.js';

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL API suite: ${postgresReason}`);

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('API on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(async () => {
    if (!skip) await server.close();
  });

  describe.skipIf(skip)('health and accounts', () => {
    it('reports health and the database', async () => {
      const reply = await new Client(server).get('/healthz');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ ok: true, database });
    });

    it('signs up, reads me, logs out and revokes the session server-side', async () => {
      const ann = await signUp(server, 'Ann');
      const me = await ann.client.get('/api/me');
      expect(me.body).toMatchObject({ user: { id: ann.id, email: ann.email, name: 'Ann' }, workspaces: [] });
      const stolen = ann.client.cookie;
      expect((await ann.client.post('/api/auth/logout')).status).toBe(204);
      const replay = new Client(server);
      replay.cookie = stolen;
      expect((await replay.get('/api/me')).status).toBe(401);
    });

    it('sets an httpOnly, SameSite=Lax cookie', async () => {
      const client = new Client(server);
      const reply = await client.post('/api/auth/signup', {
        email: `c${Date.now()}@x.io`,
        name: 'C',
        password: '0123456789',
      });
      const cookie = reply.headers.getSetCookie().join(';');
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    });

    it('refuses a taken e-mail in any case, and a wrong password', async () => {
      const ann = await signUp(server, 'Ann');
      const again = await new Client(server).post('/api/auth/signup', {
        email: ann.email.toUpperCase(),
        name: 'Other',
        password: '0123456789',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.fields[0].path).toBe('body.email');
      const wrong = await new Client(server).post('/api/auth/login', {
        email: ann.email,
        password: 'nope-nope-nope',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
      const right = await new Client(server).post('/api/auth/login', {
        email: ann.email.toUpperCase(),
        password: 'correct horse battery',
      });
      expect(right.status).toBe(200);
    });
  });

  describe.skipIf(skip)('workspaces and invitations', () => {
    it('creates a workspace, invites by link, and an invitation works once', async () => {
      const [owner, bob, cat] = await Promise.all([
        signUp(server, 'Owner'),
        signUp(server, 'Bob'),
        signUp(server, 'Cat'),
      ]);
      const workspaceId = await createWorkspace(owner, 'Northwind');
      const invite = await owner.client.post(`/api/workspaces/${workspaceId}/invitations`, {
        email: 'BOB@x.io',
        role: 'member',
      });
      expect(invite.status).toBe(201);
      expect(invite.body.invitation).toMatchObject({ email: 'bob@x.io', role: 'member' });
      expect(invite.body.invitation.url).toContain(`/invite/${invite.body.invitation.token}`);

      const token = invite.body.invitation.token;
      const preview = await new Client(server).get(`/api/invitations/${token}`);
      expect(preview.body.invitation).toMatchObject({
        workspaceName: 'Northwind',
        status: 'pending',
        invitedBy: 'Owner',
      });
      const pending = await owner.client.get(`/api/workspaces/${workspaceId}/invitations`);
      expect(pending.body.items).toHaveLength(1);

      expect((await bob.client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
      const used = await cat.client.post(`/api/invitations/${token}/accept`);
      expect(used.status).toBe(409);
      expect((await new Client(server).get(`/api/invitations/${token}`)).body.invitation.status).toBe(
        'accepted',
      );

      const detail = await bob.client.get(`/api/workspaces/${workspaceId}`);
      expect(
        detail.body.members.map((m: { user: { name: string }; role: string }) => [m.user.name, m.role]),
      ).toEqual([
        ['Bob', 'member'],
        ['Owner', 'owner'],
      ]);
      const me = await bob.client.get('/api/me');
      expect(me.body.workspaces).toEqual([{ id: workspaceId, name: 'Northwind', role: 'member' }]);
    });

    it('revokes an invitation so it can no longer be used', async () => {
      const [owner, bob] = await Promise.all([signUp(server, 'Owner'), signUp(server, 'Bob')]);
      const workspaceId = await createWorkspace(owner);
      const invite = await owner.client.post(`/api/workspaces/${workspaceId}/invitations`, {
        email: 'b@x.io',
      });
      const { id, token } = invite.body.invitation;
      expect((await owner.client.delete(`/api/workspaces/${workspaceId}/invitations/${id}`)).status).toBe(
        204,
      );
      expect((await bob.client.post(`/api/invitations/${token}/accept`)).status).toBe(409);
    });

    it('changes roles and removes members, but keeps one owner', async () => {
      const team = await createTeam(server);
      const { owner, member, facilitator, workspaceId, inquiryId } = team;
      const path = `/api/workspaces/${workspaceId}/members`;
      expect((await owner.client.patch(`${path}/${owner.id}`, { role: 'member' })).status).toBe(409);
      const promoted = await owner.client.patch(`${path}/${member.id}`, { role: 'facilitator' });
      expect(promoted.body.member).toMatchObject({ user: { id: member.id }, role: 'facilitator' });
      expect((await owner.client.delete(`${path}/${owner.id}`)).status).toBe(409);
      // Removing the facilitator hands their inquiry to the owner who removed them.
      expect((await owner.client.delete(`${path}/${facilitator.id}`)).status).toBe(204);
      expect((await facilitator.client.get(`/api/workspaces/${workspaceId}`)).status).toBe(404);
      const inquiry = await owner.client.get(`/api/inquiries/${inquiryId}`);
      expect(inquiry.body.inquiry.facilitatorId).toBe(owner.id);
      expect(inquiry.body.participants.map((p: { user: { id: string } }) => p.user.id)).not.toContain(
        facilitator.id,
      );
    });

    it('does not let a facilitator invite an owner', async () => {
      const { facilitator, workspaceId } = await createTeam(server);
      const reply = await facilitator.client.post(`/api/workspaces/${workspaceId}/invitations`, {
        email: 'x@x.io',
        role: 'owner',
      });
      expect(reply.status).toBe(403);
    });
  });

  describe.skipIf(skip)('inquiries', () => {
    it('frames, lists, reads and reframes an inquiry', async () => {
      const { facilitator, member, owner, workspaceId } = await createTeam(server);
      const created = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
        title: 'Nordics',
        question: 'How do we enter the Nordic market?',
        context: 'Sales flat at home.',
        participantIds: [member.id, owner.id],
      });
      expect(created.status).toBe(201);
      expect(created.body.inquiry).toMatchObject({
        phase: 'framing',
        mode: 'collaborative',
        allowAnonymous: false,
        facilitatorId: facilitator.id,
        successCriteria: '',
      });
      const id = created.body.inquiry.id;
      const list = await member.client.get(`/api/workspaces/${workspaceId}/inquiries?phase=framing`);
      expect(list.body.items[0]).toMatchObject({
        id,
        participantCount: 3,
        contributionCount: 0,
        myContributionCount: 0,
      });
      expect(
        (await member.client.get(`/api/workspaces/${workspaceId}/inquiries?phase=concluded`)).body.items,
      ).toEqual([]);

      const patched = await facilitator.client.patch(`/api/inquiries/${id}`, {
        allowAnonymous: true,
        participantIds: [member.id],
      });
      expect(patched.status).toBe(200);
      expect(patched.body.inquiry.allowAnonymous).toBe(true);
      expect(patched.body.participants).toHaveLength(2);
      expect((await member.client.patch(`/api/inquiries/${id}`, { title: 'Mine now' })).status).toBe(403);
    });

    it('refuses participants from outside the workspace', async () => {
      const { facilitator, outsider, workspaceId } = await createTeam(server);
      const reply = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
        title: 'x',
        question: 'y?',
        participantIds: [outsider.id],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.fields).toEqual([
        { path: 'body.participantIds.0', message: expect.any(String) },
      ]);
    });
  });

  describe.skipIf(skip)('contributions and links', () => {
    it('hides an anonymous author, and the links made with the note, from everyone but the author', async () => {
      const { facilitator, member, inquiryId, noteId } = await createTeam(server);
      const secret = await contribute(member, inquiryId, {
        kind: 'assumption',
        body: 'Customers *never* read the size guide.',
        anonymous: true,
        links: [{ toId: noteId, kind: 'challenges' }],
      });
      expect(secret).toMatchObject({
        anonymous: true,
        isMine: true,
        author: { id: member.id },
        state: 'untested',
      });

      const theirs = await facilitator.client.get(`/api/inquiries/${inquiryId}/contributions`);
      const seen = theirs.body.items.find((c: { id: string }) => c.id === secret.id);
      expect(seen).toMatchObject({ anonymous: true, isMine: false, author: null });
      const link = theirs.body.links.find((l: { fromId: string }) => l.fromId === secret.id);
      expect(link).toMatchObject({ kind: 'challenges', createdBy: null });
      expect(JSON.stringify(theirs.body)).not.toContain(`"${member.id}","anonymous":true`);
      const raw = JSON.stringify(seen) + JSON.stringify(link);
      expect(raw).not.toContain(member.id);
      expect(raw).not.toContain(member.name);

      const mine = await member.client.get(`/api/inquiries/${inquiryId}/contributions`);
      expect(mine.body.items.find((c: { id: string }) => c.id === secret.id).author.id).toBe(member.id);
      expect(mine.body.links.find((l: { fromId: string }) => l.fromId === secret.id).createdBy).toBe(
        member.id,
      );
    });

    it('refuses anonymous notes where the inquiry does not allow them', async () => {
      const { facilitator, workspaceId, member } = await createTeam(server);
      const inquiryId = await createInquiry(facilitator, workspaceId, { allowAnonymous: false });
      const reply = await member.client.post(`/api/inquiries/${inquiryId}/contributions`, {
        kind: 'idea',
        body: 'x',
        anonymous: true,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.fields[0].path).toBe('body.anonymous');
    });

    it('enforces the link rules', async () => {
      const { facilitator, member, inquiryId, workspaceId, noteId } = await createTeam(server);
      const question = await contribute(member, inquiryId, { kind: 'question', body: 'Which channel?' });
      const link = (toId: string, kind: string) =>
        member.client.post(`/api/contributions/${noteId}/links`, { toId, kind });
      expect((await link(noteId, 'builds_on')).status).toBe(400);
      expect((await link(question.id, 'answers')).status).toBe(201);
      expect((await link(question.id, 'answers')).status).toBe(409);
      const evidence = await contribute(member, inquiryId, { kind: 'evidence', body: 'Return rate 12%' });
      expect(
        (
          await member.client.post(`/api/contributions/${evidence.id}/links`, {
            toId: noteId,
            kind: 'answers',
          })
        ).status,
      ).toBe(400);
      const other = await createInquiry(facilitator, workspaceId);
      const elsewhere = await contribute(member, other);
      expect((await link(elsewhere.id, 'supports')).status).toBe(400);
      const listed = await member.client.get(`/api/inquiries/${inquiryId}/contributions`);
      expect(listed.body.links).toHaveLength(1);
      const linkId = listed.body.links[0].id;
      expect((await facilitator.client.delete(`/api/links/${linkId}`)).status).toBe(204);
    });

    it('lets the author edit, the author or facilitator change state, and nobody else', async () => {
      const team = await createTeam(server);
      const { facilitator, member, owner, inquiryId, workspaceId } = team;
      const other = await signUp(server, 'Other');
      await join(owner, workspaceId, other, 'member');
      const assumption = await contribute(member, inquiryId, {
        kind: 'assumption',
        body: 'Price is the issue',
      });
      const path = `/api/contributions/${assumption.id}`;
      expect(
        (await member.client.patch(path, { body: 'Price **is** the issue', confidence: 'confident' })).status,
      ).toBe(200);
      expect((await facilitator.client.patch(path, { body: 'edited by someone else' })).status).toBe(403);
      expect((await other.client.patch(path, { state: 'refuted' })).status).toBe(403);
      const tested = await facilitator.client.patch(path, { state: 'supported' });
      expect(tested.body.contribution).toMatchObject({
        state: 'supported',
        body: 'Price **is** the issue',
        confidence: 'confident',
      });
      expect((await member.client.patch(path, { state: 'answered' })).status).toBe(400);
      expect((await other.client.delete(path)).status).toBe(403);
      expect((await facilitator.client.delete(path)).status).toBe(204);
      expect(
        (await member.client.get(path.replace('/api/contributions/', '/api/contributions/'))).status,
      ).toBe(404);
    });

    it('pages through a long inquiry, filters by kind and by mine, and updates last activity', async () => {
      const { facilitator, member, inquiryId } = await createTeam(server);
      const before = (await member.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastActivityAt;
      for (let i = 0; i < 5; i++)
        await contribute(i % 2 ? member : facilitator, inquiryId, {
          kind: i % 2 ? 'idea' : 'question',
          body: `n${i}`,
        });
      const first = await member.client.get(`/api/inquiries/${inquiryId}/contributions?limit=4`);
      expect(first.body.items).toHaveLength(4);
      const rest = await member.client.get(
        `/api/inquiries/${inquiryId}/contributions?limit=4&cursor=${first.body.nextCursor}`,
      );
      expect(rest.body.items).toHaveLength(2);
      expect(rest.body.nextCursor).toBeNull();
      const questions = await member.client.get(`/api/inquiries/${inquiryId}/contributions?kind=question`);
      expect(questions.body.items.every((c: { kind: string }) => c.kind === 'question')).toBe(true);
      const mine = await member.client.get(`/api/inquiries/${inquiryId}/contributions?mine=true`);
      expect(mine.body.items.every((c: { isMine: boolean }) => c.isMine)).toBe(true);
      expect(mine.body.items).toHaveLength(3);
      const after = (await member.client.get(`/api/inquiries/${inquiryId}`)).body.inquiry.lastActivityAt;
      expect(after > before).toBe(true);
    });
  });

  describe.skipIf(skip)('bad input never gives a 5xx', () => {
    it('answers malformed, mistyped, unknown, oversized and wrongly-typed requests with 4xx codes', async () => {
      const { member, inquiryId } = await createTeam(server);
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        member.client.request('POST', `/api/inquiries/${inquiryId}/contributions`, body, headers);
      const cases: [unknown, Record<string, string>, number, string][] = [
        ['{"kind": "idea", ', {}, 400, 'invalid_json'],
        ['', { 'content-type': 'application/json' }, 400, 'invalid_json'],
        [{ kind: 'idea', body: 42 }, {}, 400, 'invalid_input'],
        [{ kind: 'rumour', body: 'x' }, {}, 400, 'invalid_input'],
        [{ kind: 'idea', body: 'x', isAdmin: true }, {}, 400, 'invalid_input'],
        [{ kind: 'idea', body: 'x'.repeat(20_001) }, {}, 400, 'invalid_input'],
        [{ kind: 'idea', body: '   ' }, {}, 400, 'invalid_input'],
        [{ kind: 'idea', body: 'x'.repeat(1_100_000) }, {}, 413, 'payload_too_large'],
        [
          'kind=idea&body=x',
          { 'content-type': 'application/x-www-form-urlencoded' },
          415,
          'unsupported_media_type',
        ],
        ['{"kind":"idea","body":"x"}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
        [[1, 2, 3], {}, 400, 'invalid_input'],
        [null, {}, 400, 'invalid_input'],
      ];
      for (const [body, headers, status, code] of cases) {
        const reply = await post(body, headers);
        expect({
          body: String(body).slice(0, 40),
          status: reply.status,
          code: reply.body?.error?.code,
        }).toEqual({
          body: String(body).slice(0, 40),
          status,
          code,
        });
      }
      const unknown = await post({ kind: 'idea', body: 'x', isAdmin: true });
      expect(unknown.body.error.fields).toEqual([{ path: 'body.isAdmin', message: 'Unknown field.' }]);
      expect((await member.client.get('/api/inquiries/not-an-id')).body.error).toMatchObject({
        code: 'invalid_input',
        fields: [{ path: 'path.inquiryId', message: expect.any(String) }],
      });
      expect((await member.client.get(`/api/inquiries/${inquiryId}/contributions?limit=9999`)).status).toBe(
        400,
      );
      expect((await member.client.get(`/api/inquiries/${inquiryId}/contributions?cursor=zzz`)).status).toBe(
        400,
      );
      expect((await member.client.get('/api/no-such-route')).body.error.code).toBe('not_found');
      const listed = await member.client.get(`/api/inquiries/${inquiryId}/contributions`);
      expect(listed.body.items).toHaveLength(1);
    });
  });

  describe.skipIf(skip)('OpenAPI', () => {
    it('describes every API route the server registered, except the protocol endpoints it hides', async () => {
      const doc = (await new Client(server).get('/api/openapi.json')).body;
      expect(doc.openapi).toBe('3.1.0');
      for (const route of server.routes.filter((r) => r.url.startsWith('/api/') && !r.hidden)) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
      }
      const create = doc.paths['/api/inquiries/{inquiryId}/contributions'].post;
      expect(JSON.stringify(create.requestBody)).toContain('hypothesis');
    });
  });
});

describe('sign-in throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ config: { loginFailureLimit: 3 } });
  });
  afterAll(() => server.close());

  it('limits failures per account, with Retry-After, even for the right password', async () => {
    const ann = await signUp(server, 'Ann');
    for (let i = 0; i < 3; i++) {
      expect(
        (await new Client(server).post('/api/auth/login', { email: ann.email, password: 'wrong-password' }))
          .status,
      ).toBe(401);
    }
    const blocked = await new Client(server).post('/api/auth/login', {
      email: ann.email,
      password: 'correct horse battery',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
