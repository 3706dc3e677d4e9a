import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../store/sessions.js';
import { createUser } from '../store/users.js';
import { postgresUnavailable } from './databases.js';
import { type Person, signUp } from './factories.js';
import { Client, startServer, type TestServer } from './server.js';

// Passwords: a one-time link through the mail outbox, and changing it when signed in. A new password
// signs the account out everywhere else; the reset request never tells whether an account exists.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL password suite: ${postgresReason}`);

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('passwords on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database, config: { publicUrl: 'https://colearn.example' } });
  });
  afterAll(async () => {
    if (!skip) await server.close();
  });

  /** The link of the newest reset mail queued for this address. */
  async function linkFor(email: string): Promise<string | null> {
    const mail = await server.database.db
      .selectFrom('mail_outbox')
      .select('text')
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return mail?.text.match(/https:\/\/colearn\.example\/reset-password\/(\S+)/)?.[1] ?? null;
  }
  const login = (email: string, password: string) =>
    new Client(server).post('/api/auth/login', { email, password });

  it.skipIf(skip)(
    'resets a forgotten password once with the mailed link, signing out everywhere else',
    async () => {
      const ann: Person = await signUp(server, 'Ann Reset');
      const elsewhere = new Client(server);
      expect(
        (await elsewhere.post('/api/auth/login', { email: ann.email, password: 'correct horse battery' }))
          .status,
      ).toBe(200);

      // The same answer for an address with no account: nothing is queued for it.
      const unknown = await new Client(server).post('/api/auth/password-reset', {
        email: 'nobody@example.com',
      });
      expect([unknown.status, unknown.body]).toEqual([202, { valid: true }]);
      expect(await linkFor('nobody@example.com')).toBeNull();

      expect(
        (await new Client(server).post('/api/auth/password-reset', { email: ann.email.toUpperCase() }))
          .status,
      ).toBe(202);
      const token = await linkFor(ann.email);
      expect(token).not.toBeNull();
      const stored = await server.database.db.selectFrom('password_resets').select('id').execute();
      expect(JSON.stringify(stored)).not.toContain(token as string);

      const browser = new Client(server);
      expect((await browser.get(`/api/auth/password-reset/${token}`)).body).toEqual({ valid: true });
      const short = await browser.post(`/api/auth/password-reset/${token}`, { password: 'short' });
      expect([short.status, short.body.error.fields[0].path]).toEqual([400, 'body.password']);
      const reset = await browser.post(`/api/auth/password-reset/${token}`, {
        password: 'a brand new password',
      });
      expect([reset.status, reset.body.user.id]).toEqual([200, ann.id]);
      expect((await browser.get('/api/me')).status).toBe(200);

      // Used up; the old password and the other sessions are gone.
      expect((await browser.get(`/api/auth/password-reset/${token}`)).body).toEqual({ valid: false });
      expect(
        (await browser.post(`/api/auth/password-reset/${token}`, { password: 'another new password' }))
          .status,
      ).toBe(409);
      expect((await elsewhere.get('/api/me')).status).toBe(401);
      expect((await ann.client.get('/api/me')).status).toBe(401);
      expect((await login(ann.email, 'correct horse battery')).status).toBe(401);
      expect((await login(ann.email, 'a brand new password')).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    'makes an earlier link useless when a newer one is asked for, and refuses expired links',
    async () => {
      const bo = await signUp(server, 'Bo Reset');
      await new Client(server).post('/api/auth/password-reset', { email: bo.email });
      const first = await linkFor(bo.email);
      await new Promise((r) => setTimeout(r, 5));
      await new Client(server).post('/api/auth/password-reset', { email: bo.email });
      const second = await linkFor(bo.email);
      expect(second).not.toBe(first);
      expect((await new Client(server).get(`/api/auth/password-reset/${first}`)).body.valid).toBe(false);
      await server.database.db
        .updateTable('password_resets')
        .set({ expires_at: '2020-01-01T00:00:00.000Z' })
        .where('user_id', '=', bo.id)
        .execute();
      const late = await new Client(server).post(`/api/auth/password-reset/${second}`, {
        password: 'too late password',
      });
      expect(late.status).toBe(409);
    },
  );

  it.skipIf(skip)('changes a password when the current one is given, keeping this session only', async () => {
    const cy = await signUp(server, 'Cy Change');
    const other = new Client(server);
    await other.post('/api/auth/login', { email: cy.email, password: 'correct horse battery' });
    const wrong = await cy.client.put('/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a better password',
    });
    expect([wrong.status, wrong.body.error.fields[0].path]).toEqual([400, 'body.currentPassword']);
    const changed = await cy.client.put('/api/me/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'a better password',
    });
    expect(changed.status).toBe(204);
    expect((await cy.client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await login(cy.email, 'a better password')).status).toBe(200);

    // An API token cannot change a password.
    const token = (await cy.client.post('/api/me/tokens', { name: 'ci', scopes: ['write'] })).body.secret;
    const byToken = await new Client(server).request(
      'PUT',
      '/api/me/password',
      { newPassword: 'token password!' },
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(byToken.status).toBe(403);
  });

  it.skipIf(skip)(
    'lets an account made by single sign-on set a first password without a current one',
    async () => {
      const sso = await createUser(server.database.db, {
        email: `sso.${Date.now()}@example.com`,
        name: 'Sso Person',
        passwordHash: null,
      });
      const session = await createSession(server.database.db, sso.id, 60_000);
      const client = Object.assign(new Client(server), { cookie: `colearn_session=${session}` });
      expect((await login(sso.email, 'first password ever')).status).toBe(401);
      expect((await client.put('/api/me/password', { newPassword: 'first password ever' })).status).toBe(204);
      expect((await login(sso.email, 'first password ever')).status).toBe(200);
    },
  );
});
