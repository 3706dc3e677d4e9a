import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { apiSignUp, apiWorkspace, PASSWORD, readMail, uniqueEmail } from './helpers.js';

// Passwords: "forgot your password?" through a real mail (the e2e mailbox), the link used once, every
// other session signed out; and changing one's password from the account menu.

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).include('main, form, [role="dialog"]').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

test('a forgotten password is reset with the mailed link, once, and other sessions end', async ({
  browser,
}) => {
  const email = uniqueEmail('forgetful');
  const elsewhere = await browser.newContext();
  await apiSignUp(elsewhere.request, 'Fern Forgetful', email);
  await apiWorkspace(elsewhere.request, 'Forgetful Trading');
  expect((await elsewhere.request.get('/api/me')).ok()).toBe(true);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(email);
  await expectNoSeriousViolations(page, 'the forgot-password page');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('Check your e-mail');

  const mail = await readMail(email);
  const link = mail.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0];
  expect(link, mail).toBeTruthy();
  await page.goto(link as string);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expectNoSeriousViolations(page, 'the reset page with an error');
  await page.getByLabel('New password').fill('a completely new password');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('button', { name: /Account menu for Fern Forgetful/ })).toBeVisible();

  // The other browser was signed out; the link does not work twice.
  expect((await elsewhere.request.get('/api/me')).status()).toBe(401);
  await page.goto(link as string);
  await expect(page.getByRole('alert')).toContainText('This link no longer works');
  await context.close();
  await elsewhere.close();
});

test('a signed-in person changes their password from the account menu', async ({ page }) => {
  const email = uniqueEmail('changer');
  await apiSignUp(page.request, 'Cai Changer', email);
  await apiWorkspace(page.request, 'Changer Trading');
  await page.goto('/');
  await page.getByRole('button', { name: /Account menu for Cai Changer/ }).click();
  await page.getByRole('menuitem', { name: 'Password' }).click();
  await expect(page.getByRole('heading', { name: 'Password', level: 1 })).toBeVisible();
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('my brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();
  await expectNoSeriousViolations(page, 'the password page with an error');
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Other devices are signed out.')).toBeVisible();
  const login = await page.request.post('/api/auth/login', {
    data: { email, password: 'my brand new password' },
  });
  expect(login.ok()).toBe(true);
});
