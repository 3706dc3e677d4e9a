import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { apiSignUp, apiWorkspace } from './helpers.js';

// Single sign-on in the browser: the e2e server signs in through a real OpenID Connect provider
// (scripts/e2e-idp.ts, oidc-provider's own sign-in and consent pages), which accepts any address as a
// login and vouches for it. A second Colearn without OIDC_* shows that the button needs the settings.

async function expectAccessible(page: Page, what: string, include?: string) {
  // Let entrance transitions finish so colours are measured at rest.
  await page.waitForTimeout(400);
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const bad = (await builder.analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect.soft(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

let counter = 0;
const uniqueDomain = () => `sso-${Date.now().toString(36)}${(counter++).toString(36)}.test`;

/** At the provider: sign in with any password, then agree to share the address with Colearn. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a newcomer from a mapped domain signs in with SSO and lands in the workspace', async ({
  page,
  browser,
}) => {
  // The owner maps a domain in Workspace settings, by keyboard.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await apiSignUp(owner.request, 'Sonia Owner');
  const ws = await apiWorkspace(owner.request, 'SSO Trading');
  const domain = uniqueDomain();
  await ownerPage.goto(`/w/${ws.id}/settings`);
  const section = ownerPage.getByRole('region', { name: 'Sign-in domains' });
  await expect(section.getByText('No sign-in domains yet.')).toBeVisible();
  await expectAccessible(
    ownerPage,
    'settings: sign-in domains, empty',
    'section[aria-labelledby="domains-heading"]',
  );

  await section.getByRole('textbox', { name: 'Domain', exact: true }).fill('not a domain');
  await section.getByRole('button', { name: 'Add domain' }).click();
  await expect(section.getByText('Use a full domain name, like acme.com.')).toBeVisible();
  await expectAccessible(
    ownerPage,
    'settings: sign-in domains, error',
    'section[aria-labelledby="domains-heading"]',
  );

  await section.getByRole('textbox', { name: 'Domain', exact: true }).fill(domain.toUpperCase());
  await section.getByRole('textbox', { name: 'Domain', exact: true }).press('Tab');
  await expect(section.getByRole('combobox', { name: 'Joins as' })).toBeFocused();
  await ownerPage.keyboard.press('ArrowDown'); // opens the role list
  await expect(ownerPage.getByRole('option', { name: 'Facilitator' })).toBeVisible();
  await ownerPage.keyboard.press('ArrowDown');
  await ownerPage.keyboard.press('Enter');
  await expect(section.getByRole('combobox', { name: 'Joins as' })).toHaveValue('Facilitator');
  await ownerPage.keyboard.press('Tab');
  await expect(section.getByRole('button', { name: 'Add domain' })).toBeFocused();
  await ownerPage.keyboard.press('Enter');
  const row = section.getByRole('row', { name: new RegExp(domain) });
  await expect(row).toContainText('Facilitator');
  await expectAccessible(
    ownerPage,
    'settings: sign-in domains, one',
    'section[aria-labelledby="domains-heading"]',
  );
  await ownerPage.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(
    ownerPage,
    'dark settings: sign-in domains, one',
    'section[aria-labelledby="domains-heading"]',
  );

  // A newcomer opens the workspace's address, is asked to sign in, and chooses single sign-on.
  await page.goto(`/w/${ws.id}`);
  await expect(page).toHaveURL(/\/signin/);
  const sso = page.getByRole('link', { name: 'Continue with Test SSO' });
  await expect(sso).toBeVisible();
  await expectAccessible(page, 'sign in with single sign-on');
  await sso.click();
  await signInAtProvider(page, `nina@${domain}`);

  await expect(page).toHaveURL(new RegExp(`/w/${ws.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'SSO Trading' })).toBeVisible();
  const me = await (await page.request.get('/api/me')).json();
  expect(me.user.email).toBe(`nina@${domain}`);
  expect(me.workspaces).toEqual([expect.objectContaining({ id: ws.id, role: 'facilitator' })]);

  // The owner removes the domain; the newcomer stays a member.
  await row.getByRole('button', { name: `Remove ${domain}` }).click();
  await ownerPage.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(section.getByText('No sign-in domains yet.')).toBeVisible();
  expect((await (await page.request.get('/api/me')).json()).workspaces).toHaveLength(1);
  await owner.close();
});

test('a cancelled sign-in comes back to the sign-in page with a readable reason', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Continue with Test SSO' }).click();
  await page.locator('input[name="login"]').waitFor();
  await page.getByRole('link', { name: /Cancel/i }).click();
  await expect(page).toHaveURL(/\/signin\?sso_error=sso_denied/);
  await expect(page.getByRole('alert')).toContainText('The sign-in was cancelled at the provider.');
  // The password form is still there.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expectAccessible(page, 'sign in with an SSO error');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'dark sign in with an SSO error');
});

test('the sign-up page offers single sign-on too, coming back to the invitation', async ({ page }) => {
  await page.goto('/signup?next=%2Finvite%2Fsome-token');
  const sso = page.getByRole('link', { name: 'Continue with Test SSO' });
  await expect(sso).toHaveAttribute('href', '/api/auth/oidc/start?returnTo=%2Finvite%2Fsome-token');
  await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
  await expectAccessible(page, 'sign up with single sign-on');
});

test.describe('a Colearn without single sign-on', () => {
  let server: ChildProcess;
  let dataDir: string;
  let base: string;

  test.beforeAll(async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => done(port));
      });
    });
    const root = resolve(import.meta.dirname, '..');
    const e2ePort = process.env.E2E_PORT ?? '3100';
    dataDir = mkdtempSync(join(tmpdir(), 'colearn-e2e-nosso-'));
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/main.ts')], {
      cwd: root,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIR: resolve(root, e2ePort === '3100' ? 'dist' : `.test-output/web-${e2ePort}`),
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
    });
    await expect
      .poll(
        () =>
          fetch(`${base}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
  });
  test.afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows only the password form', async ({ page }) => {
    const asked = page.waitForResponse((r) => r.url().endsWith('/api/auth/providers'));
    await page.goto(`${base}/signin`);
    expect(await (await asked).json()).toEqual({ oidc: { enabled: false } });
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: /Continue with/ })).toHaveCount(0);
  });
});
