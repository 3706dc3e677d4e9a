import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
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

// Two people on one inquiry, each in their own browser: the synthesis they write together, the notes they
// post, and what happens when one of them drops off the network.

interface Pair {
  ann: BrowserContext;
  ben: BrowserContext;
  a: Page;
  b: Page;
  inquiryId: string;
}

async function twoPeople(browser: Browser, title: string): Promise<Pair> {
  const ann = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ben = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await apiSignUp(ann.request, 'Ann Archer');
  const ws = await apiWorkspace(ann.request, `${title} Ltd`);
  const invitation = await apiInvite(ann.request, ws.id, uniqueEmail('ben'));
  const inquiry = await apiInquiry(ann.request, ws.id, { title, question: 'Why did returns double in May?' });
  await apiSignUp(ben.request, 'Ben Bauer', invitation.email);
  expect((await ben.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  const a = await ann.newPage();
  const b = await ben.newPage();
  await a.goto(`/i/${inquiry.id}`);
  await b.goto(`/i/${inquiry.id}`);
  // Both streams are live once each sees the other here.
  await expect(a.getByRole('group', { name: 'Here now: Ben Bauer' })).toBeVisible();
  await expect(b.getByRole('group', { name: 'Here now: Ann Archer' })).toBeVisible();
  return { ann, ben, a, b, inquiryId: inquiry.id };
}

async function showView(page: Page, view: 'By kind' | 'Threads' | 'Synthesis') {
  await page
    .getByRole('toolbar', { name: 'Board' })
    .locator('label')
    .filter({ hasText: new RegExp(`^${view}$`) })
    .click();
  await expect(page.getByRole('radio', { name: view })).toBeChecked();
}

const synthesis = (page: Page) => page.getByRole('textbox', { name: 'Synthesis' });
const status = (page: Page) => page.getByTestId('synthesis-status');

test('two people co-edit the synthesis, see each other’s cursors, then each other’s notes live', async ({
  browser,
}) => {
  const { ann, ben, a, b } = await twoPeople(browser, 'Returns');

  await showView(a, 'Synthesis');
  await showView(b, 'Synthesis');
  await expect(status(a)).toHaveText('Saved · 2 editing');
  await expect(status(b)).toHaveText('Saved · 2 editing');
  await expect(a.getByRole('list', { name: 'Editing now' })).toContainText('Ben Bauer');

  await synthesis(a).click();
  await a.keyboard.type('We now believe the new supplier’s sizing drives returns.');
  await expect(synthesis(b)).toContainText('We now believe the new supplier’s sizing drives returns.');

  await synthesis(b).click();
  await b.keyboard.press('Control+End');
  await b.keyboard.press('Enter');
  await b.keyboard.type('Still open: does it hold for shoes?');
  await expect(synthesis(a)).toContainText('Still open: does it hold for shoes?');
  await expect(synthesis(b)).toContainText('We now believe');

  // Each sees where the other is, by name.
  await expect(a.locator('.collaboration-carets__label', { hasText: 'Ben Bauer' })).toBeVisible();
  await a.keyboard.press('End');
  await a.keyboard.type(' Evidence: notes 3 and 5.');
  await expect(b.locator('.collaboration-carets__label', { hasText: 'Ann Archer' })).toBeVisible();
  await expect(synthesis(b)).toContainText('Evidence: notes 3 and 5.');
  await expect(status(a)).toHaveText('Saved · 2 editing');

  // Formatting from the toolbar reaches the other side too.
  await a.keyboard.press('Home');
  await a
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Heading', exact: true })
    .click();
  await expect(synthesis(b).locator('h2')).toContainText('We now believe');

  // Notes: each posts one; the other sees it arrive without a reload.
  await showView(a, 'By kind');
  await showView(b, 'By kind');
  await a.getByRole('button', { name: 'New note' }).click();
  await writeNote(a, 'Evidence', 'Returns of size M doubled after the switch.');
  await expect(card(b, 'Returns of size M doubled after the switch.')).toBeVisible();
  await b.getByRole('button', { name: 'New note' }).click();
  await writeNote(b, 'Question', 'Did the size chart change too?');
  await expect(card(a, 'Did the size chart change too?')).toBeVisible();
  // Once each, on both sides (the optimistic card and its live event are one card).
  await expect(card(a, 'Returns of size M doubled after the switch.')).toHaveCount(1);
  await expect(card(b, 'Did the size chart change too?')).toHaveCount(1);

  // The synthesis was stored: a fresh visit reads it back.
  await showView(b, 'Synthesis');
  await b.reload();
  await expect(synthesis(b)).toContainText('Still open: does it hold for shoes?');
  await ann.close();
  await ben.close();
});

test('offline: a calm banner, then "Back online", and what was posted meanwhile arrives by resuming the stream', async ({
  browser,
}) => {
  const { ann, ben, a, inquiryId } = await twoPeople(browser, 'Offline');
  await apiPost(ben.request, inquiryId, { kind: 'question', body: 'Which stores report the most returns?' });
  await expect(card(a, 'Which stores report the most returns?')).toBeVisible();

  const sockets: { url: string; frames: string[] }[] = [];
  a.on('websocket', (ws) => {
    if (!ws.url().includes('/live')) return;
    const entry = { url: ws.url(), frames: [] as string[] };
    sockets.push(entry);
    ws.on('framereceived', (f) => entry.frames.push(String(f.payload)));
  });
  const before = (await (await ann.request.get(`/api/inquiries/${inquiryId}`)).json()) as {
    inquiry: { lastSeq: number };
  };

  await ann.setOffline(true);
  const banner = a.getByRole('status').filter({ hasText: 'You’re offline' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Changes will appear when you’re back.');

  await apiPost(ben.request, inquiryId, { kind: 'evidence', body: 'Store 12 alone had 40% of the returns.' });
  // Not delivered while Ann is away: the stream is down.
  await a.waitForTimeout(1_500);
  await expect(card(a, 'Store 12 alone had 40% of the returns.')).toHaveCount(0);

  await ann.setOffline(false);
  await expect(a.getByRole('status').filter({ hasText: 'Back online.' })).toBeVisible();
  await expect(card(a, 'Store 12 alone had 40% of the returns.')).toBeVisible();
  await expect(card(a, 'Store 12 alone had 40% of the returns.')).toHaveCount(1);
  await expect(banner).toBeHidden();
  await expect(a.getByRole('status').filter({ hasText: 'Back online.' })).toBeHidden({ timeout: 8_000 });

  // The new connection resumed after the last event Ann had, and the note came in its replay.
  const resumed = sockets.find((s) => s.url.endsWith(`since=${before.inquiry.lastSeq}`));
  expect(resumed, sockets.map((s) => s.url).join(', ')).toBeDefined();
  expect(resumed?.frames.some((f) => f.includes('Store 12 alone had 40% of the returns.'))).toBe(true);
  await ann.close();
  await ben.close();
});

test('once the inquiry is concluded the synthesis turns read-only, for someone who has it open too', async ({
  browser,
}) => {
  const { ann, ben, a, b, inquiryId } = await twoPeople(browser, 'Concluding');
  await showView(b, 'Synthesis');
  await expect(status(b)).toHaveText(/^Saved/);
  await synthesis(b).click();
  await b.keyboard.type('Sizing, not price.');
  await expect(status(b)).toHaveText(/^Saved/);

  // The facilitator walks the inquiry to its end (overriding the gates, with a reason each time).
  for (const phase of ['exploring', 'challenging', 'synthesizing', 'reflecting', 'concluded']) {
    const res = await ann.request.post(`/api/inquiries/${inquiryId}/phase`, {
      data: { phase, overrideReason: 'End-to-end test: moving straight to the end.' },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }

  // Ben, still on the page, is told at once and can no longer type.
  await expect(b.getByText('This inquiry is concluded, so its synthesis is read-only')).toBeVisible();
  await expect(synthesis(b)).toHaveAttribute('contenteditable', 'false');
  await expect(b.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await expect(status(b)).toHaveText(/^Read-only/);
  await expect(synthesis(b)).toContainText('Sizing, not price.');

  // Ann, arriving later, finds it the same way.
  await showView(a, 'Synthesis');
  await expect(status(a)).toHaveText(/^Read-only/);
  await expect(synthesis(a)).toContainText('Sizing, not price.');
  await expect(synthesis(a)).toHaveAttribute('contenteditable', 'false');
  await ann.close();
  await ben.close();
});

test('synthesis edits made while offline are kept and reach the others when back', async ({ browser }) => {
  const { ann, ben, a, b } = await twoPeople(browser, 'Offline edits');
  await showView(a, 'Synthesis');
  await showView(b, 'Synthesis');
  await expect(status(a)).toHaveText('Saved · 2 editing');

  await ann.setOffline(true);
  await expect(status(a)).toHaveText('Offline · your edits are kept and sync when you’re back');
  await synthesis(a).click();
  await a.keyboard.type('Written on the train.');
  await expect(synthesis(a)).toContainText('Written on the train.');
  await a.waitForTimeout(1_000);
  // Really offline: Ben has not had it yet.
  await expect(synthesis(b)).not.toContainText('Written on the train.');

  await ann.setOffline(false);
  await expect(synthesis(b)).toContainText('Written on the train.');
  await expect(status(a)).toHaveText('Saved · 2 editing');
  await ann.close();
  await ben.close();
});

test('a paste too long to send at once is refused with a word, not a broken connection', async ({ page }) => {
  await apiSignUp(page.request, 'Paula Paster');
  const ws = await apiWorkspace(page.request, 'Paste Ltd');
  const inquiry = await apiInquiry(page.request, ws.id, {
    title: 'Paste',
    question: 'How long is too long?',
  });
  await page.goto(`/i/${inquiry.id}`);
  await showView(page, 'Synthesis');
  await expect(status(page)).toHaveText('Saved · 1 editing');
  await synthesis(page).click();
  const paste = (text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document
        .querySelector('[role="textbox"].ProseMirror')
        ?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    }, text);
  await paste('x'.repeat(80_000));
  await expect(page.getByText('Too long to paste at once')).toBeVisible();
  await expect(synthesis(page)).not.toContainText('xxxx');
  await paste('A short quote from the returns report.');
  await expect(synthesis(page)).toContainText('A short quote from the returns report.');
  await expect(status(page)).toHaveText('Saved · 1 editing');
});
