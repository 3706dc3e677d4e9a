import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from './factories.js';
import { Client, startServer, type TestServer } from './server.js';

// Personal API tokens: shown once, stored hashed, scoped, revocable, and never a way to mint more.

describe('API tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  /** A client that sends only the token, no cookie. */
  const withToken = (secret: string) => ({
    get: (path: string) =>
      new Client(server).request('GET', path, undefined, { authorization: `Bearer ${secret}` }),
    post: (path: string, body: unknown) =>
      new Client(server).request('POST', path, body, { authorization: `Bearer ${secret}` }),
  });

  it('is shown once, stored only as a hash, and lets a script read and (with write) post as its person', async () => {
    const { member, inquiryId, workspaceId } = await createTeam(server);
    const made = await member.client.post('/api/me/tokens', { name: 'Nightly report', scopes: ['read'] });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^colearn_[\w-]{40,}$/);
    expect(made.body.token).toMatchObject({ name: 'Nightly report', scopes: ['read'], lastUsedAt: null });
    expect(made.body.secret.startsWith(made.body.token.prefix)).toBe(true);
    const stored = await server.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(made.body.secret);

    const reader = withToken(made.body.secret);
    expect((await reader.get('/api/me')).body.user.id).toBe(member.id);
    expect((await reader.get(`/api/inquiries/${inquiryId}/contributions`)).status).toBe(200);
    const refused = await reader.post(`/api/inquiries/${inquiryId}/contributions`, {
      kind: 'idea',
      body: 'From a script',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/only read/);

    const writer = withToken(
      (
        await member.client.post('/api/me/tokens', {
          name: 'Importer',
          scopes: ['write'],
          expiresInDays: null,
        })
      ).body.secret,
    );
    const posted = await writer.post(`/api/inquiries/${inquiryId}/contributions`, {
      kind: 'idea',
      body: 'From a script',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.contribution.author.id).toBe(member.id);

    const listed = await member.client.get('/api/me/tokens');
    expect(listed.body.items.map((t: { name: string }) => t.name)).toEqual(['Importer', 'Nightly report']);
    expect(listed.body.items.find((t: { name: string }) => t.name === 'Importer').scopes).toEqual([
      'read',
      'write',
    ]);
    expect(
      listed.body.items.find((t: { name: string }) => t.name === 'Nightly report').lastUsedAt,
    ).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    // The person's role still rules: a token is no way into another workspace.
    const { workspaceId: elsewhere } = await createTeam(server);
    expect((await reader.get(`/api/workspaces/${elsewhere}`)).status).toBe(404);
    expect((await reader.get(`/api/workspaces/${workspaceId}`)).status).toBe(200);
  });

  it('stops working when revoked or expired, and cannot manage tokens itself', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    const made = await member.client.post('/api/me/tokens', { name: 'CI', scopes: ['read', 'write'] });
    const token = withToken(made.body.secret);
    expect((await token.get('/api/me/tokens')).status).toBe(403);
    expect((await token.post('/api/me/tokens', { name: 'More', scopes: ['write'] })).status).toBe(403);

    expect((await facilitator.client.delete(`/api/me/tokens/${made.body.token.id}`)).status).toBe(404);
    expect((await member.client.delete(`/api/me/tokens/${made.body.token.id}`)).status).toBe(204);
    const revoked = await token.get('/api/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('unauthenticated');
    expect((await member.client.delete(`/api/me/tokens/${made.body.token.id}`)).status).toBe(404);
    expect((await member.client.get('/api/me/tokens')).body.items).toEqual([]);

    const old = await member.client.post('/api/me/tokens', {
      name: 'Old',
      scopes: ['read'],
      expiresInDays: 1,
    });
    await server.database.db
      .updateTable('api_tokens')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', old.body.token.id)
      .execute();
    expect((await withToken(old.body.secret).get(`/api/inquiries/${inquiryId}/contributions`)).status).toBe(
      401,
    );
    expect((await withToken('colearn_not-a-real-token').get('/api/me')).status).toBe(401);
  });

  it('validates what a token is made with', async () => {
    const { member } = await createTeam(server);
    const bad = await member.client.post('/api/me/tokens', { name: '', scopes: ['admin'], expiresInDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.expiresInDays',
      'body.name',
      'body.scopes.0',
    ]);
    expect((await new Client(server).post('/api/me/tokens', { name: 'x', scopes: ['read'] })).status).toBe(
      401,
    );
  });

  it('is described in the OpenAPI document as a bearer scheme', async () => {
    const doc = (await new Client(server).get('/api/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/inquiries/{inquiryId}/contributions'].get.security).toEqual([
      { session: [] },
      { bearer: [] },
    ]);
    expect(doc.paths['/api/me/tokens'].post.security).toEqual([{ session: [] }]);
  });
});
