import { expect, test } from '@playwright/test';
import { card, signUpInForm, uniqueEmail, writeNote } from './helpers.js';

// The core loop with two people in two browsers: a facilitator frames an inquiry and invites a member; the
// member joins and posts (once anonymously); each sees the other's notes without reloading.

test('facilitator and member learn together on one board', async ({ browser }) => {
  const facilitatorName = 'Maria Keller';
  const memberName = 'Jonas Berg';
  const memberEmail = uniqueEmail('jonas');

  const facilitatorCtx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const memberCtx = await browser.newContext();
  const f = await facilitatorCtx.newPage();
  const m = await memberCtx.newPage();

  // The facilitator signs up and creates a workspace.
  await f.goto('/signup');
  await signUpInForm(f, facilitatorName, uniqueEmail('maria'));
  await f.getByLabel('Workspace name').fill('Northwind Trading');
  await f.getByRole('button', { name: 'Create workspace' }).click();
  await expect(f).toHaveURL(/\/w\/[0-9a-f-]+$/);
  await expect(f.getByRole('heading', { level: 1, name: 'Northwind Trading' })).toBeVisible();

  // …invites the member and copies the link from the dialog.
  await f.getByRole('button', { name: 'Invite', exact: true }).click();
  const invite = f.getByRole('dialog', { name: 'Invite someone' });
  await invite.getByLabel('E-mail').fill(memberEmail);
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  const linkField = invite.getByLabel('Invitation link');
  await expect(linkField).toHaveValue(/\/invite\//);
  const inviteUrl = await linkField.inputValue();
  await invite.getByRole('button', { name: 'Copy link' }).click();
  await expect(invite.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await f.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
  await invite.getByRole('button', { name: 'Done' }).click();
  await expect(f.getByRole('region', { name: 'Pending invitations' })).toContainText(memberEmail);

  // …frames an inquiry that allows anonymous notes.
  await f.getByRole('link', { name: 'Frame your first inquiry' }).click();
  await f.getByLabel('Title').fill('Why is Aurora slipping?');
  await f
    .getByLabel('The question')
    .fill('Why have Aurora sales fallen for three quarters while the rest grew?');
  await f.getByLabel('Allow anonymous notes').check();
  await f.getByRole('button', { name: 'Start the inquiry' }).click();
  await expect(f).toHaveURL(/\/i\/[0-9a-f-]+$/);
  await expect(f.getByRole('heading', { level: 1, name: 'Why is Aurora slipping?' })).toBeVisible();
  await expect(f.getByText('Start with a good question or a hunch')).toBeVisible();

  // The member opens the link (its path: the link's host is the server's public URL), signs up, accepts.
  await m.goto(new URL(inviteUrl).pathname);
  await expect(
    m.getByRole('heading', { name: `${facilitatorName} invited you to join Northwind Trading` }),
  ).toBeVisible();
  await m.getByRole('link', { name: 'Create an account to join' }).click();
  await expect(m.getByLabel('E-mail')).toHaveValue(memberEmail);
  await signUpInForm(m, memberName, memberEmail);
  await expect(m).toHaveURL(/\/invite\//);
  await m.getByRole('button', { name: /Accept and join/ }).click();
  await expect(m).toHaveURL(/\/w\/[0-9a-f-]+$/);

  // …opens the inquiry, where nothing of theirs is yet.
  const inquiryCard = m.getByRole('article').filter({ hasText: 'Why is Aurora slipping?' });
  await expect(inquiryCard.getByText("You haven't contributed yet")).toBeVisible();
  await inquiryCard.getByRole('link', { name: 'Why is Aurora slipping?' }).click();
  await expect(m).toHaveURL(/\/i\/[0-9a-f-]+$/);

  // …posts a hypothesis with the button, and an anonymous assumption with the keyboard.
  const hypothesis = 'The March price rise pushed Aurora over the budget of small shops.';
  const assumption = 'We assume customers only compare us with the two big competitors.';
  await m.getByRole('button', { name: 'New note' }).click();
  await writeNote(m, 'Hypothesis', hypothesis);
  await expect(card(m, hypothesis)).toBeVisible();
  await m.locator('body').press('n');
  await writeNote(m, 'Assumption', assumption, { anonymous: true, submit: 'keys' });
  await expect(card(m, assumption)).toBeVisible();
  await expect(card(m, assumption).getByText('you', { exact: true })).toBeVisible();

  // The facilitator sees both without reloading; the assumption is anonymous through and through.
  await expect(card(f, hypothesis)).toBeVisible({ timeout: 15_000 });
  await expect(card(f, hypothesis)).toContainText(memberName);
  const anonymousCard = card(f, assumption);
  await expect(anonymousCard).toBeVisible({ timeout: 15_000 });
  await expect(anonymousCard).toContainText('Anonymous');
  await expect(anonymousCard).not.toContainText(memberName);
  await expect(anonymousCard).not.toContainText('Jonas');
  await expect(anonymousCard).toHaveAttribute('aria-label', 'Assumption by Anonymous');

  // …and builds on the hypothesis.
  const buildOn = 'If so, a 3-seat plan should bring small shops back. Worth a pilot?';
  await card(f, hypothesis)
    .getByRole('button', { name: /^Reply/ })
    .click();
  const composer = f.getByRole('dialog');
  await expect(composer.getByRole('radio', { name: 'Builds on' })).toBeChecked();
  await writeNote(f, 'Idea', buildOn);
  await expect(card(f, buildOn)).toBeVisible();

  // The member sees the build-on beneath the hypothesis, with its verb.
  const replies = card(m, hypothesis).getByRole('list', { name: /repl/ });
  await expect(replies).toContainText(facilitatorName, { timeout: 15_000 });
  await expect(replies).toContainText('builds on');
  await expect(replies).toContainText(buildOn);
  await expect(card(m, buildOn)).toBeVisible();

  await facilitatorCtx.close();
  await memberCtx.close();
});
