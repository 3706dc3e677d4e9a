import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type OidcConfig } from '../config.js';
import { Browser, type Visit } from './browser.js';
import { postgresUnavailable } from './databases.js';
import { createWorkspace, signUp } from './factories.js';
import { type IdentityProvider, type IdpPerson, startIdentityProvider } from './identity-provider.js';
import { Client, startServer, type TestServer } from './server.js';

// Single sign-on end to end: a real OpenID Connect provider (oidc-provider) on its own port, Colearn as
// the relying party, and a cookie-keeping browser going through start → the provider's sign-in and
// consent pages → the callback → a session that works on /api/me.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL single sign-on suite: ${postgresReason}`);

let counter = 0;
/** A login and address no other test uses. */
const fresh = (prefix: string, domain = 'example.org') => {
  const id = `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}`;
  return { login: id, email: `${id}@${domain}` };
};

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('single sign-on on $database', ({ database, skip }) => {
  let idp: IdentityProvider;
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    idp = await startIdentityProvider();
    const oidc: OidcConfig = {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      // Known once the server listens on its ephemeral port (below).
      redirectUrl: 'http://127.0.0.1/api/auth/oidc/callback',
      name: 'Acme SSO',
      scopes: 'openid email profile',
      assumeEmailVerified: false,
      allowInsecureRequests: true,
      loginTtlMs: 10 * 60_000,
    };
    server = await startServer({ database, config: { oidc } });
    // The relying party reads its settings when a sign-in starts, so the real callback URL is in time.
    oidc.redirectUrl = `${server.url}/api/auth/oidc/callback`;
    idp.allowRedirect(oidc.redirectUrl);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.close();
  });

  /** From Colearn's start to the provider's redirect back to the callback (not yet followed). */
  async function toCallback(browser: Browser, login: string, returnTo = '/'): Promise<URL> {
    const start = `${server.url}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;
    const isCallback = (u: URL) => u.href.startsWith(`${server.url}/api/auth/oidc/callback`);
    let page: Visit = await browser.follow(start, isCallback);
    // The provider's sign-in page, then its consent page (first time for this person and client).
    for (let step = 0; step < 4 && !(page.location && isCallback(page.location)); step++) {
      const isLogin = page.body.includes('name="login"');
      const answered = await browser.submit(page, isLogin ? { login, password: 'any password' } : {});
      page = answered.location ? await browser.follow(answered.location, isCallback) : answered;
    }
    if (!page.location || !isCallback(page.location)) {
      throw new Error(
        `never reached the callback; last page ${page.url} (${page.status}):\n${page.body.slice(0, 400)}`,
      );
    }
    return page.location;
  }

  /** The whole sign-in for a person at the provider; returns where Colearn sent the browser and a client with its session. */
  async function signInWithSso(person: IdpPerson & { login: string }, returnTo = '/') {
    idp.people.set(person.login, person);
    const browser = new Browser();
    const callback = await toCallback(browser, person.login, returnTo);
    const landing = await browser.visit(callback);
    const client = new Client(server);
    const session = browser.cookie('colearn_session');
    if (session) client.cookie = `colearn_session=${session}`;
    return { landing, client, browser };
  }

  it.skipIf(Boolean(skip))('says whether single sign-on is on, and its label', async () => {
    const reply = await new Client(server).get('/api/auth/providers');
    expect(reply.body).toEqual({ oidc: { enabled: true, name: 'Acme SSO' } });
  });

  it.skipIf(Boolean(skip))(
    'makes an account just in time; the next sign-in finds it by its identity',
    async () => {
      const { login, email } = fresh('jit');
      const first = await signInWithSso(
        { login, email, emailVerified: true, name: 'Jit Jones' },
        '/w/x?tab=1',
      );
      expect(first.landing.status).toBe(302);
      expect(first.landing.location?.href).toBe(`${server.url}/w/x?tab=1`);
      const me = await first.client.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toMatchObject({ email, name: 'Jit Jones' });
      expect(me.body.workspaces).toEqual([]);

      // The provider changes the address; the identity, not the address, names the account.
      const changed = `changed.${email}`;
      const second = await signInWithSso({ login, email: changed, emailVerified: true });
      const again = await second.client.get('/api/me');
      expect(again.body.user.id).toBe(me.body.user.id);
      const identities = await server.database.db
        .selectFrom('user_identities')
        .selectAll()
        .where('subject', '=', login)
        .execute();
      expect(identities).toHaveLength(1);
      expect(identities[0]?.issuer).toBe(idp.issuer);

      // The account has no password: password sign-in refuses it like a wrong password.
      const password = await new Client(server).post('/api/auth/login', {
        email,
        password: 'correct horse battery',
      });
      expect([password.status, password.body.error.code]).toEqual([401, 'invalid_credentials']);
    },
  );

  it.skipIf(Boolean(skip))('links an existing password account with the same verified e-mail', async () => {
    const existing = await signUp(server, 'Linda Link');
    const login = fresh('link').login;
    const { client } = await signInWithSso({
      login,
      email: existing.email.toUpperCase(),
      emailVerified: true,
    });
    const me = await client.get('/api/me');
    expect(me.body.user.id).toBe(existing.id);
    // The password still works too.
    const password = await new Client(server).post('/api/auth/login', {
      email: existing.email,
      password: 'correct horse battery',
    });
    expect(password.status).toBe(200);
  });

  it.skipIf(Boolean(skip))('never links or maps an address the provider has not verified', async () => {
    const existing = await signUp(server, 'Una Verified');
    const owner = await signUp(server, 'Olga Owner');
    const workspaceId = await createWorkspace(owner, 'Unverified Co');
    const domain = `unverified-${Date.now().toString(36)}.example`;
    await owner.client.post(`/api/workspaces/${workspaceId}/domains`, { domain, role: 'member' });

    // email_verified: false — refused outright, whether or not an account has the address.
    const taken = await signInWithSso({
      login: fresh('unv').login,
      email: existing.email,
      emailVerified: false,
    });
    expect(taken.landing.location?.pathname + (taken.landing.location?.search ?? '')).toBe(
      '/signin?sso_error=email_not_verified',
    );
    expect(taken.browser.cookie('colearn_session')).toBeUndefined();
    const newcomer = fresh('unv', domain);
    const free = await signInWithSso({ login: newcomer.login, email: newcomer.email, emailVerified: false });
    expect(free.landing.location?.search).toBe('?sso_error=email_not_verified');
    const made = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', newcomer.email)
      .execute();
    expect(made).toEqual([]);

    // email_verified absent (and not assumed): never linked to the existing account…
    const silent = await signInWithSso({ login: fresh('silent').login, email: existing.email });
    expect(silent.landing.location?.search).toBe('?sso_error=account_exists');
    // …and a new account, but no membership through the domain.
    const quiet = fresh('quiet', domain);
    const joined = await signInWithSso({ login: quiet.login, email: quiet.email });
    const me = await joined.client.get('/api/me');
    expect(me.body.user.email).toBe(quiet.email);
    expect(me.body.workspaces).toEqual([]);
  });

  it.skipIf(Boolean(skip))(
    'adds people of a mapped domain with its role, never lowering a membership',
    async () => {
      const owner = await signUp(server, 'Dora Domain');
      const workspaceId = await createWorkspace(owner, 'Domain Co');
      const otherOwner = await signUp(server, 'Omar Other');
      const otherId = await createWorkspace(otherOwner, 'Also Domain Co');
      const domain = `acme-${Date.now().toString(36)}.example`;
      const added = await owner.client.post(`/api/workspaces/${workspaceId}/domains`, {
        domain: ` ${domain.toUpperCase()}. `,
        role: 'facilitator',
      });
      expect(added.status).toBe(201);
      expect(added.body.domain).toMatchObject({ domain, role: 'facilitator' });
      // Another workspace may claim the same domain: a person from it joins both.
      expect((await otherOwner.client.post(`/api/workspaces/${otherId}/domains`, { domain })).status).toBe(
        201,
      );

      const newcomer = fresh('dom', domain);
      const { client } = await signInWithSso({
        login: newcomer.login,
        email: newcomer.email,
        emailVerified: true,
      });
      const me = await client.get('/api/me');
      const roles = Object.fromEntries(
        me.body.workspaces.map((w: { id: string; role: string }) => [w.id, w.role]),
      );
      expect(roles).toEqual({ [workspaceId]: 'facilitator', [otherId]: 'member' });

      // The owner of the workspace signs in through SSO with an address in its domain: still owner.
      await owner.client.patch(`/api/workspaces/${workspaceId}/members/${me.body.user.id}`, {
        role: 'member',
      });
      const ownerLogin = fresh('own').login;
      const linked = await signInWithSso({ login: ownerLogin, email: owner.email, emailVerified: true });
      expect((await linked.client.get('/api/me')).body.user.id).toBe(owner.id);
      // owner.email is on example.com, not the domain: map it too and sign in again.
      await owner.client.post(`/api/workspaces/${workspaceId}/domains`, {
        domain: 'example.com',
        role: 'member',
      });
      const again = await signInWithSso({ login: ownerLogin, email: owner.email, emailVerified: true });
      const ownerMe = await again.client.get('/api/me');
      expect(ownerMe.body.workspaces.find((w: { id: string }) => w.id === workspaceId).role).toBe('owner');
      // A lowered member signing in again is not raised back either: a membership stays as it is.
      const back = await signInWithSso({ login: newcomer.login, email: newcomer.email, emailVerified: true });
      const backMe = await back.client.get('/api/me');
      expect(backMe.body.workspaces.find((w: { id: string }) => w.id === workspaceId).role).toBe('member');
    },
  );

  it.skipIf(Boolean(skip))(
    'refuses a callback whose state was tampered with, or with no sign-in under way',
    async () => {
      const { login, email } = fresh('tamper');
      idp.people.set(login, { email, emailVerified: true });
      const browser = new Browser();
      const callback = await toCallback(browser, login);
      const forged = new URL(callback);
      forged.searchParams.set('state', 'not-the-state-colearn-sent');
      const landing = await browser.visit(forged);
      expect(landing.status).toBe(302);
      expect(landing.location?.pathname).toBe('/signin');
      expect(landing.location?.searchParams.get('sso_error')).toBe('sso_failed');
      expect(browser.cookie('colearn_session')).toBeUndefined();
      // The sign-in was used up by the attempt: the genuine answer cannot be replayed after it.
      const replay = await browser.visit(callback);
      expect(replay.location?.searchParams.get('sso_error')).toBe('sso_expired');
      // Another browser, without the cookie that started the sign-in: refused.
      const stranger = await new Browser().visit(callback);
      expect(stranger.location?.searchParams.get('sso_error')).toBe('sso_expired');
      // A repeated parameter is the library's to refuse: still the sign-in page, never a 400.
      await browser.visit(`${server.url}/api/auth/oidc/start`);
      const doubled = await browser.visit(
        `${server.url}/api/auth/oidc/callback?code=a&code=b&state=x&state=y`,
      );
      expect([doubled.status, doubled.location?.searchParams.get('sso_error')]).toEqual([302, 'sso_failed']);
      const users = await server.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .execute();
      expect(users).toEqual([]);
    },
  );

  it.skipIf(Boolean(skip))(
    'makes one account when a first sign-in finishes in two tabs at once',
    async () => {
      const { login, email } = fresh('twice');
      idp.people.set(login, { email, emailVerified: true });
      const tabs = [new Browser(), new Browser()];
      const callbacks: URL[] = [];
      for (const tab of tabs) callbacks.push(await toCallback(tab, login));
      const landings = await Promise.all(tabs.map((tab, i) => tab.visit(callbacks[i] as URL)));
      expect(landings.map((l) => l.location?.pathname)).toEqual(['/', '/']);
      const users = await server.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .execute();
      expect(users).toHaveLength(1);
      const links = await server.database.db
        .selectFrom('user_identities')
        .select('user_id')
        .where('subject', '=', login)
        .execute();
      expect(links).toEqual([{ user_id: users[0]?.id }]);
    },
  );

  it.skipIf(Boolean(skip))('needs an address it can use', async () => {
    const none = await signInWithSso({
      login: fresh('noaddress').login,
      emailVerified: true,
      name: 'No Address',
    });
    expect(none.landing.location?.search).toBe('?sso_error=email_missing');
    const bad = await signInWithSso({
      login: fresh('bad').login,
      email: 'not an address',
      emailVerified: true,
    });
    expect(bad.landing.location?.search).toBe('?sso_error=email_missing');
    expect(bad.browser.cookie('colearn_session')).toBeUndefined();
  });

  it.skipIf(Boolean(skip))(
    'sends a cancelled sign-in back to the sign-in page, keeping where it was going',
    async () => {
      const browser = new Browser();
      const start = await browser.follow(
        `${server.url}/api/auth/oidc/start?returnTo=${encodeURIComponent('/w/abc')}`,
        (u) => u.pathname.startsWith('/interaction/'),
      );
      const abort = new URL(`${start.location?.pathname}/abort`, idp.issuer);
      const back = await browser.follow(abort, (u) =>
        u.href.startsWith(`${server.url}/api/auth/oidc/callback`),
      );
      const landing = await browser.visit(back.location ?? '');
      expect(landing.location?.pathname).toBe('/signin');
      expect(landing.location?.searchParams.get('sso_error')).toBe('sso_denied');
      expect(landing.location?.searchParams.get('next')).toBe('/w/abc');
    },
  );

  it.skipIf(Boolean(skip))('never sends anyone to another site after signing in', async () => {
    for (const returnTo of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      '/\t/evil.example',
    ]) {
      const start = await new Browser().visit(
        `${server.url}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(start.status).toBe(302);
      expect(start.location?.origin).toBe(idp.issuer);
    }
    const { login, email } = fresh('redirect');
    const { landing } = await signInWithSso({ login, email, emailVerified: true }, '//evil.example/x');
    expect(landing.location?.href).toBe(`${server.url}/`);
  });

  it.skipIf(Boolean(skip))(
    'puts the checks in the request to the provider and nothing secret in the cookie',
    async () => {
      const browser = new Browser();
      const start = await browser.visit(`${server.url}/api/auth/oidc/start`);
      const to = start.location as URL;
      expect(to.origin).toBe(idp.issuer);
      expect(to.searchParams.get('code_challenge_method')).toBe('S256');
      for (const p of ['state', 'nonce', 'code_challenge', 'client_id', 'redirect_uri', 'scope']) {
        expect(to.searchParams.get(p), p).toBeTruthy();
      }
      const key = browser.cookie('colearn_oidc') as string;
      expect(key).toBeTruthy();
      expect(key).not.toContain(to.searchParams.get('state'));
      const rows = await server.database.db.selectFrom('oidc_logins').select(['id', 'state']).execute();
      expect(rows.some((r) => r.id === key)).toBe(false);
      expect(rows.some((r) => r.state === to.searchParams.get('state'))).toBe(true);
    },
  );
});

describe('single sign-on switched off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('says so, and its routes send people back to the sign-in page', async () => {
    const client = new Client(server);
    expect((await client.get('/api/auth/providers')).body).toEqual({ oidc: { enabled: false } });
    const start = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect([start.status, start.headers.get('location')]).toEqual([302, '/signin?sso_error=sso_disabled']);
    const callback = await fetch(`${server.url}/api/auth/oidc/callback?code=x&state=y`, {
      redirect: 'manual',
    });
    expect([callback.status, callback.headers.get('location')]).toEqual([
      302,
      '/signin?sso_error=sso_disabled',
    ]);
  });
});

describe('single sign-on with a provider that cannot be reached', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A port nothing listens on: the one a just-closed provider had.
    const gone = await startIdentityProvider();
    await gone.close();
    server = await startServer({
      config: {
        oidc: {
          issuer: gone.issuer,
          clientId: 'colearn',
          clientSecret: 'secret',
          redirectUrl: 'http://127.0.0.1/api/auth/oidc/callback',
          name: 'Gone SSO',
          scopes: 'openid email',
          assumeEmailVerified: false,
          allowInsecureRequests: true,
          loginTtlMs: 60_000,
        },
      },
    });
  });
  afterAll(() => server.close());

  it('sends the person back to the sign-in page with a reason, not an error page', async () => {
    const start = await fetch(`${server.url}/api/auth/oidc/start?returnTo=%2Fw%2Fq`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe('/signin?sso_error=sso_unavailable&next=%2Fw%2Fq');
  });
});

describe('sign-in domains', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('are listed, validated, unique per workspace and removed by owners', async () => {
    const owner = await signUp(server, 'Owen Owner');
    const workspaceId = await createWorkspace(owner);
    const base = `/api/workspaces/${workspaceId}/domains`;
    for (const domain of [
      'localhost',
      'acme',
      '10.0.0.1',
      'ac_me.com',
      'a..com',
      '-acme.com',
      'acme.com/x',
      '',
    ]) {
      const bad = await owner.client.post(base, { domain });
      expect([bad.status, bad.body.error.code, bad.body.error.fields?.[0]?.path], domain).toEqual([
        400,
        'invalid_input',
        'body.domain',
      ]);
    }
    expect((await owner.client.post(base, { domain: 'acme.com', role: 'owner' })).status).toBe(400);
    const made = await owner.client.post(base, { domain: '@Acme.COM' });
    expect(made.status).toBe(201);
    expect(made.body.domain).toMatchObject({ domain: 'acme.com', role: 'member', workspaceId });
    const twice = await owner.client.post(base, { domain: 'acme.com', role: 'facilitator' });
    expect([twice.status, twice.body.error.fields[0].path]).toEqual([409, 'body.domain']);
    await owner.client.post(base, { domain: 'eu.acme.com', role: 'facilitator' });
    const list = await owner.client.get(base);
    expect(list.body.items.map((d: { domain: string }) => d.domain)).toEqual(['acme.com', 'eu.acme.com']);

    // Another workspace's domain id is not found here.
    const elsewhere = await createWorkspace(owner, 'Elsewhere');
    const theirs = await owner.client.post(`/api/workspaces/${elsewhere}/domains`, { domain: 'acme.com' });
    expect(theirs.status).toBe(201);
    expect((await owner.client.delete(`${base}/${theirs.body.domain.id}`)).status).toBe(404);

    expect((await owner.client.delete(`${base}/${made.body.domain.id}`)).status).toBe(204);
    expect((await owner.client.delete(`${base}/${made.body.domain.id}`)).status).toBe(404);
    expect((await owner.client.get(base)).body.items).toHaveLength(1);
  });
});

describe('single sign-on settings', () => {
  const base = { NODE_ENV: 'test' as const, PORT: '4000' };
  const sso = { OIDC_ISSUER: 'https://id.acme.com', OIDC_CLIENT_ID: 'colearn', OIDC_CLIENT_SECRET: 's3cret' };

  it('are off when unset, and derive the callback from PUBLIC_URL', () => {
    expect(loadConfig(base).oidc).toBeNull();
    expect(loadConfig({ ...base, ...sso }).oidc).toMatchObject({
      redirectUrl: 'http://localhost:4000/api/auth/oidc/callback',
      name: 'single sign-on',
      scopes: 'openid email profile',
      allowInsecureRequests: false,
      assumeEmailVerified: false,
    });
    const behind = loadConfig({
      ...base,
      ...sso,
      PUBLIC_URL: 'https://colearn.acme.com',
      OIDC_NAME: 'Acme SSO',
    });
    expect(behind.oidc).toMatchObject({
      redirectUrl: 'https://colearn.acme.com/api/auth/oidc/callback',
      name: 'Acme SSO',
    });
  });

  it('stop the server with a reason when incomplete or insecure', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: is needed too/,
    );
    expect(() => loadConfig({ ...base, ...sso, OIDC_SCOPES: 'email profile' })).toThrow(
      /OIDC_SCOPES: must include openid/,
    );
    expect(() => loadConfig({ ...base, ...sso, OIDC_ISSUER: 'http://id.acme.com' })).toThrow(
      /OIDC_ISSUER: must be https/,
    );
    const lab = loadConfig({
      ...base,
      ...sso,
      OIDC_ISSUER: 'http://id.lab',
      OIDC_ALLOW_INSECURE_HTTP: 'true',
    });
    expect(lab.oidc?.allowInsecureRequests).toBe(true);
    expect(
      loadConfig({ ...base, ...sso, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.allowInsecureRequests,
    ).toBe(true);
  });
});

describe('single sign-on in the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('describes the routes', async () => {
    const doc = (await new Client(server).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/providers',
        '/api/auth/oidc/start',
        '/api/auth/oidc/callback',
        '/api/workspaces/{workspaceId}/domains',
        '/api/workspaces/{workspaceId}/domains/{domainId}',
      ]),
    );
  });
});
