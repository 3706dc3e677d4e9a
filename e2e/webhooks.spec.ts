import { expect, test } from '@playwright/test';
import { apiSignUp, apiWorkspace } from './helpers.js';

// An owner connects a tool: adds a webhook from the workspace settings, sends a test, and reads the
// delivery log. This instance refuses private receivers (the default), and the log says so.

test('an owner adds a webhook, sends a test and sees why it was refused', async ({ page }) => {
  await apiSignUp(page.request, 'Wanda Owner');
  const ws = await apiWorkspace(page.request, 'Hooked Ltd');
  await page.goto(`/w/${ws.id}/settings`);
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  await page.getByLabel('Receiver URL').fill('not a url');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByText('Use an http:// or https:// address.')).toBeVisible();

  await page.getByLabel('Receiver URL').fill('http://127.0.0.1:9/colearn');
  await page.getByLabel('A note is posted', { exact: false }).check();
  await page.getByLabel('Slack message', { exact: false }).check();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const card = page.getByRole('region', { name: 'Webhook to http://127.0.0.1:9/colearn' });
  await expect(card.getByText('Slack message')).toBeVisible();
  await expect(card.getByText('contribution.created')).toBeVisible();

  await card.getByRole('button', { name: 'Send test' }).click();
  const log = card.getByRole('table', { name: 'Deliveries' });
  await expect(log.getByText('ping')).toBeVisible();
  await expect(log.getByText(/not a public address/)).toBeVisible();
  await expect(log.getByText('pending')).toBeVisible();

  await card.getByRole('button', { name: 'Signing secret' }).click();
  await expect(card.getByText(/^whsec_/)).toBeVisible();
  // The switch follows the server: it turns off once the change is saved.
  await card.getByRole('switch', { name: 'Active' }).dispatchEvent('click');
  await expect(card.getByRole('switch', { name: 'Active' })).not.toBeChecked();
});
