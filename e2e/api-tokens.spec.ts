import { expect, test } from '@playwright/test';
import { apiSignUp } from './helpers.js';

// A person makes an API token in the app, copies it once, uses it from a script, and revokes it.

test('make a read-only token, use it, and revoke it', async ({ page, playwright, baseURL }) => {
  const me = await apiSignUp(page.request, 'Tara Token');
  await page.goto('/');
  await page.getByRole('button', { name: /Account menu for Tara Token/ }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  await expect(page.getByText('No tokens yet.')).toBeVisible();

  await page.getByLabel('Name').fill('Nightly report');
  await page.getByRole('button', { name: 'Make token' }).click();
  const secret = (await page.getByLabel('New token', { exact: true }).innerText()).trim();
  expect(secret).toMatch(/^colearn_/);

  // A script with nothing but the token.
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await (await script.get('/api/me')).json()).user.id).toBe(me.id);
  expect((await script.post('/api/workspaces', { data: { name: 'From a script' } })).status()).toBe(403);

  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(page.getByLabel('New token', { exact: true })).toBeHidden();
  const row = page.getByRole('row', { name: /Nightly report/ });
  await expect(row.getByText('Read only')).toBeVisible();
  await row.getByRole('button', { name: 'Revoke Nightly report' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('No tokens yet.')).toBeVisible();
  expect((await script.get('/api/me')).status()).toBe(401);
  await script.dispose();
});
