import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiInvite, apiSignUp, apiWorkspace, card, writeNote } from './helpers.js';

// Promotive interaction in two browsers: a mention reaches the inbox in the header and opens the note it
// is about; "I'm stuck on…" is picked up and answered by someone else, and the person who asked sees the
// answer (and is told in their inbox). Plus the phase override dialog's field error.

const LIVE = { timeout: 30_000 };

/** Someone in the workspace: signed up through the API, invitation accepted. */
async function member(browser: Browser, owner: APIRequestContext, workspaceId: string, name: string) {
  const context = await browser.newContext();
  const invitation = await apiInvite(
    owner,
    workspaceId,
    `${name.split(' ')[0]?.toLowerCase()}.${Date.now()}@example.test`,
  );
  const user = await apiSignUp(context.request, name, invitation.email);
  expect((await context.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  return { context, user, page: await context.newPage() };
}

async function inquiry(request: APIRequestContext, workspaceId: string, participantIds: string[]) {
  const res = await request.post(`/api/workspaces/${workspaceId}/inquiries`, {
    data: {
      title: 'Aurora returns',
      question: 'Why did Aurora returns double this spring?',
      participantIds,
    },
  });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { inquiry: { id: string } }).inquiry.id;
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

async function expectNoSeriousViolations(page: Page, what: string, include: string) {
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

test('a mention reaches the inbox and opens the note; a help request is picked up and answered', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const annCtx = await browser.newContext();
  await apiSignUp(annCtx.request, 'Ann Keller');
  const ws = await apiWorkspace(annCtx.request, 'Helpful Trading');
  const ben = await member(browser, annCtx.request, ws.id, 'Ben Okafor');
  const inquiryId = await inquiry(annCtx.request, ws.id, [ben.user.id]);
  const a = await annCtx.newPage();
  const b = ben.page;

  await b.goto(`/i/${inquiryId}`);
  await a.goto(`/i/${inquiryId}`);
  await expect(b.getByRole('heading', { name: 'Aurora returns' })).toBeVisible();
  await expect(bell(b)).toHaveAccessibleName('Notifications');

  // Ann mentions Ben in a note: Ben's bell says so without a reload.
  await a.getByRole('button', { name: 'New note' }).click();
  await writeNote(a, 'Question', '@Ben could you check the return codes from the north?');
  await expect(bell(b)).toHaveAccessibleName('Notifications, 1 unread', LIVE);

  // Ben opens his inbox, picks the mention and lands on the note; the count goes back to nothing.
  await bell(b).click();
  const drawer = b.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('1 unread')).toBeVisible();
  const mention = drawer.getByRole('button', { name: /Ann Keller mentioned you/ });
  await expect(mention).toContainText('check the return codes');
  await expect(mention).toContainText('Aurora returns');
  await expectNoSeriousViolations(b, 'the inbox drawer', '.mantine-Drawer-content');
  await mention.click();
  await expect(drawer).toBeHidden();
  await expect(b).toHaveURL(/\?note=[0-9a-f-]+$/);
  await expect(b.locator('[data-focused-note="true"]')).toContainText('check the return codes');
  await expect(card(b, 'check the return codes')).toBeFocused();
  await expect(bell(b)).toHaveAccessibleName('Notifications');

  // Ben is stuck and says so.
  const helpOf = (page: Page) => page.getByRole('region', { name: /Help requests/ });
  await helpOf(b).getByRole('button', { name: 'I’m stuck…' }).click();
  const ask = b.getByRole('dialog', { name: 'Ask the group for help' });
  await ask.getByLabel('I’m stuck on…').fill('I’m stuck on reading the return codes: what does R7 mean?');
  await ask.getByRole('button', { name: 'Ask for help' }).click();
  await expect(ask).toBeHidden();
  const request = (page: Page) =>
    helpOf(page).getByRole('listitem', { name: 'Help request from Ben Okafor' });
  await expect(request(b)).toContainText('Waiting for help');

  // Ann sees it live, picks it up and answers; her inbox says Ben asked.
  await expect(request(a)).toContainText('what does R7 mean?', LIVE);
  await expect(bell(a)).toHaveAccessibleName('Notifications, 1 unread', LIVE);
  await request(a).getByRole('button', { name: 'I’ll help' }).click();
  await expect(request(a)).toContainText('You are answering');
  await expect(request(b)).toContainText('Ann Keller is answering', LIVE);
  // Someone who asked cannot answer their own request.
  await expect(request(b).getByRole('button', { name: 'I’ll help' })).toHaveCount(0);
  await request(a)
    .getByLabel('Your answer')
    .fill('R7 is “wrong size”: the new supplier’s sizing runs small.');
  await request(a).getByRole('button', { name: 'Send answer' }).click();
  await expect(request(a)).toContainText('Answered');

  // Ben sees the answer where he asked, and his inbox tells him.
  await expect(request(b)).toContainText('Answer from Ann Keller', LIVE);
  await expect(request(b)).toContainText('R7 is “wrong size”');
  await expect(bell(b)).toHaveAccessibleName('Notifications, 1 unread', LIVE);
  await bell(b).click();
  const answered = drawer.getByRole('button', { name: /Ann Keller answered your help request/ });
  await expect(answered).toBeVisible();
  await drawer.getByRole('button', { name: 'Mark all read' }).click();
  await expect(drawer.getByText('All read.')).toBeVisible();
  await expect(bell(b)).toHaveAccessibleName('Notifications');
  await answered.click();
  await expect(b).toHaveURL(/\?help=[0-9a-f-]+$/);
  await expect(request(b)).toBeFocused();

  await annCtx.close();
  await ben.context.close();
});

test('a pulse to answer reaches the inbox and opens its form; older notifications load on request', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const annCtx = await browser.newContext();
  await apiSignUp(annCtx.request, 'Ann Keller');
  const ws = await apiWorkspace(annCtx.request, 'Pulse Trading');
  const ben = await member(browser, annCtx.request, ws.id, 'Ben Okafor');
  const inquiryId = await inquiry(annCtx.request, ws.id, [ben.user.id]);
  // More than one page of the inbox (30): 31 mentions, then the pulse on top.
  for (let n = 1; n <= 31; n++) {
    const res = await annCtx.request.post(`/api/inquiries/${inquiryId}/contributions`, {
      data: { kind: 'question', body: `@Ben question number ${n}` },
    });
    expect(res.ok()).toBe(true);
  }
  expect((await annCtx.request.post(`/api/inquiries/${inquiryId}/pulses`, { data: {} })).ok()).toBe(true);

  const b = ben.page;
  await b.goto(`/w/${ws.id}`);
  await expect(bell(b)).toHaveAccessibleName('Notifications, 32 unread');
  await bell(b).click();
  const drawer = b.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer.getByRole('listitem')).toHaveCount(30);
  await drawer.getByRole('button', { name: 'Show older' }).click();
  await expect(drawer.getByRole('listitem')).toHaveCount(32);
  await expect(drawer.getByRole('button', { name: 'Show older' })).toHaveCount(0);
  await expect(drawer.getByText('@Ben question number 1', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(b, 'the inbox with a pulse', '.mantine-Drawer-content');

  // The pulse opens its form on the board; answering it marks it read.
  await drawer.getByRole('button', { name: /Ann Keller opened a pulse/ }).click();
  await expect(b).toHaveURL(/\?pulse=[0-9a-f-]+$/);
  // The board loads several things at once; on a busy machine the pulses list can take a while.
  await expect(b.getByRole('dialog', { name: /Team pulse/ })).toBeVisible(LIVE);
  await annCtx.close();
  await ben.context.close();
});

test('someone stuck on a note asks about that note, and a helper goes from the request to it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const annCtx = await browser.newContext();
  await apiSignUp(annCtx.request, 'Ann Keller');
  const ws = await apiWorkspace(annCtx.request, 'Stuck Trading');
  const ben = await member(browser, annCtx.request, ws.id, 'Ben Okafor');
  const inquiryId = await inquiry(annCtx.request, ws.id, [ben.user.id]);
  const posted = await annCtx.request.post(`/api/inquiries/${inquiryId}/contributions`, {
    data: { kind: 'evidence', body: 'Return code R7 doubled in the north after March.' },
  });
  expect(posted.ok()).toBe(true);

  const b = ben.page;
  await b.goto(`/i/${inquiryId}`);
  await card(b, 'Return code R7').getByRole('button', { name: 'More actions for this note' }).click();
  await b.getByRole('menuitem', { name: 'I’m stuck on this…' }).click();
  const ask = b.getByRole('dialog', { name: 'Ask the group for help' });
  await expect(ask.getByTestId('help-about')).toContainText('Return code R7 doubled');
  await ask.getByLabel('I’m stuck on…').fill('What does R7 stand for?');
  await expectNoSeriousViolations(b, 'the ask dialog about a note', '.mantine-Modal-content');
  await ask.getByRole('button', { name: 'Ask for help' }).click();
  await expect(ask).toBeHidden();

  const a = await annCtx.newPage();
  await a.goto(`/i/${inquiryId}`);
  const request = a.getByRole('listitem', { name: 'Help request from Ben Okafor' });
  await expect(request.getByTestId('help-about')).toContainText('Return code R7', LIVE);
  await request.getByRole('link', { name: /Return code R7/ }).click();
  await expect(a).toHaveURL(/\?note=[0-9a-f-]+$/);
  await expect(card(a, 'Return code R7')).toBeFocused();
  await annCtx.close();
  await ben.context.close();
});

test('a phase override reason too thin to record is shown under its field', async ({ browser }) => {
  const annCtx = await browser.newContext();
  await apiSignUp(annCtx.request, 'Ada Facil');
  const ws = await apiWorkspace(annCtx.request, 'Override Trading');
  const ben = await member(browser, annCtx.request, ws.id, 'Bo Member');
  const inquiryId = await inquiry(annCtx.request, ws.id, [ben.user.id]);
  const a = await annCtx.newPage();
  await a.goto(`/i/${inquiryId}`);

  // Into exploring (its gate is met), then on to challenging, whose gate waits for a note.
  await a.getByRole('button', { name: 'Move to exploring' }).click();
  await expect(a.getByRole('button', { name: 'Move to challenging' })).toBeVisible();
  await a.getByRole('button', { name: 'Move to challenging' }).click();
  const dialog = a.getByRole('dialog', { name: 'Move to challenging anyway?' });
  await expect(dialog).toBeVisible();
  const reason = dialog.getByLabel('Why move on now?');
  await reason.fill('Because');
  await dialog.getByRole('button', { name: 'Move anyway' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Say in a few words why the group moves on anyway.')).toBeVisible();
  // Typing clears it; a real reason moves the group on.
  await reason.fill('The team agreed on the call to challenge the brief first.');
  await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Move anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(a.getByRole('button', { name: 'Move to synthesizing' })).toBeVisible();

  await annCtx.close();
  await ben.context.close();
});
