import { expect, test } from '@playwright/test';
import {
  apiInquiry,
  apiInvite,
  apiPost,
  apiSignUp,
  apiWorkspace,
  card,
  uniqueEmail,
  writeNote,
} from './helpers.js';

// The board's own behaviour: a reader is never pushed around by others' posts, and notes can be
// replied to, edited, re-stated, filtered and deleted.

test('a reader who has scrolled gets a "new" pill instead of a jumping board', async ({ browser }) => {
  const owner = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const other = await browser.newContext();
  await apiSignUp(owner.request, 'Rita Reader');
  const ws = await apiWorkspace(owner.request, 'Pill Ltd');
  const invitation = await apiInvite(owner.request, ws.id, uniqueEmail('poster'));
  const inquiry = await apiInquiry(owner.request, ws.id, {
    title: 'Pill',
    question: 'Does the board stay put?',
  });
  await apiSignUp(other.request, 'Pete Poster', invitation.email);
  expect((await other.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  for (let i = 1; i <= 10; i++) {
    await apiPost(owner.request, inquiry.id, {
      kind: 'evidence',
      body: `Existing note number ${i}\n\nwith a second paragraph`,
    });
  }

  const page = await owner.newPage();
  await page.goto(`/i/${inquiry.id}`);
  await expect(card(page, 'Existing note number 10')).toBeVisible();
  await page.evaluate(() => window.scrollTo({ top: 900, behavior: 'instant' }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(900);
  const firstVisible = await card(page, 'Existing note number 5').boundingBox();

  await apiPost(other.request, inquiry.id, { kind: 'evidence', body: 'A fresh note from someone else' });
  const pill = page.getByRole('button', { name: '1 new note' });
  await expect(pill).toBeVisible({ timeout: 15_000 });
  await expect(card(page, 'A fresh note from someone else')).toHaveCount(0);
  // Nothing moved under the reader (scroll anchoring may absorb changes above, such as a new participant).
  expect((await card(page, 'Existing note number 5').boundingBox())?.y).toBe(firstVisible?.y);

  await pill.click();
  await expect(card(page, 'A fresh note from someone else')).toBeVisible();
  await expect(pill).toBeHidden();
  await owner.close();
  await other.close();
});

test('reply, edit, change state, filter and delete', async ({ page }) => {
  await apiSignUp(page.request, 'Ada Author');
  const ws = await apiWorkspace(page.request, 'Actions Ltd');
  const inquiry = await apiInquiry(page.request, ws.id, {
    title: 'Actions',
    question: 'Can I manage my notes?',
  });
  await page.goto(`/i/${inquiry.id}`);

  // Post a question from the empty board.
  await page.getByRole('button', { name: 'Write the first note' }).click();
  await writeNote(page, 'Question', 'Which shops *left* first?');
  const question = card(page, 'Which shops left first?');
  await expect(question.locator('em', { hasText: 'left' })).toBeVisible();

  // Answer it: "answers" is offered for questions.
  await question.getByRole('button', { name: /^Reply/ }).click();
  const composer = page.getByRole('dialog');
  await composer
    .locator('label')
    .filter({ hasText: /^Answers$/ })
    .click();
  await writeNote(page, 'Hypothesis', 'Small shops, after the price rise.');
  await expect(question.getByRole('list', { name: /repl/ })).toContainText('answers');

  // Mark the question answered.
  await question.getByRole('button', { name: /State: Open/ }).click();
  await page.getByRole('menuitem', { name: 'Answered' }).click();
  await expect(question.getByRole('button', { name: /State: Answered/ })).toBeVisible();

  // Edit the hypothesis.
  const hypothesis = card(page, 'Small shops, after the price rise.');
  await hypothesis.getByRole('button', { name: 'More actions for this note' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await composer.getByLabel('Your note').fill('Small shops, right after the March price rise.');
  await composer.getByRole('button', { name: 'Save' }).click();
  await expect(card(page, 'right after the March price rise')).toBeVisible();

  // Filter to hypotheses only, then clear.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page
    .getByRole('dialog')
    .locator('label')
    .filter({ hasText: /^Hypothesis$/ })
    .click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('button', { name: 'Filters, 1 active' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(2);

  // Delete the hypothesis, with a confirmation; it is gone after a reload too.
  await card(page, 'right after the March price rise')
    .getByRole('button', { name: 'More actions for this note' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this note?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(card(page, 'right after the March price rise')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('presence: who has the board open, and what they are writing — never for an anonymous note', async ({
  browser,
}) => {
  const host = await browser.newContext();
  const guest = await browser.newContext();
  await apiSignUp(host.request, 'Hana Host');
  const ws = await apiWorkspace(host.request, 'Presence Ltd');
  const invitation = await apiInvite(host.request, ws.id, uniqueEmail('gus'));
  const inquiry = await apiInquiry(host.request, ws.id, {
    title: 'Presence',
    question: 'Who is here?',
    allowAnonymous: true,
  });
  await apiSignUp(guest.request, 'Gus Guest', invitation.email);
  expect((await guest.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);

  const h = await host.newPage();
  const g = await guest.newPage();
  await h.goto(`/i/${inquiry.id}`);
  await g.goto(`/i/${inquiry.id}`);
  const here = h.getByRole('group', { name: /^Here now/ });
  await expect(here).toHaveAttribute('aria-label', 'Here now: Gus Guest');

  await g.getByRole('button', { name: 'New note' }).click();
  await g
    .getByRole('dialog')
    .locator('label')
    .filter({ hasText: /^Evidence$/ })
    .click();
  await g.getByLabel('Your note').pressSequentially('Churn doubled', { delay: 20 });
  await expect(here).toContainText('Gus Guest is writing evidence…');

  // Switching to anonymous withdraws the hint: it would name the author.
  await g.getByLabel('Post anonymously').check();
  await g.getByLabel('Your note').pressSequentially(' in May', { delay: 20 });
  await expect(here).not.toContainText('writing', { timeout: 10_000 });
  await host.close();
  await guest.close();
});
