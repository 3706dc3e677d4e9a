import { expect, test } from '@playwright/test';
import { apiSignUp } from './helpers.js';

// A person chooses what reaches them: mentions out of the inbox, a daily e-mail digest of the rest.

test('choose which notifications come in and get a daily digest', async ({ page }) => {
  await apiSignUp(page.request, 'Nina Notified');
  await page.goto('/');
  await page.getByRole('button', { name: /Account menu for Nina Notified/ }).click();
  await page.getByRole('menuitem', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByLabel('No e-mail')).toBeChecked();

  await page.getByLabel('Someone mentions me').uncheck();
  await page.getByLabel('One e-mail a day', { exact: false }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Notification settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Someone mentions me')).not.toBeChecked();
  await expect(page.getByLabel('One e-mail a day', { exact: false })).toBeChecked();
  const saved = await (await page.request.get('/api/me/notification-preferences')).json();
  expect(saved.preferences).toEqual({ emailDigest: 'daily', muted: ['mention'] });
});
