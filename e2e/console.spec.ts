import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiInvite, apiPost, apiSignUp, apiWorkspace, uniqueEmail, writeNote } from './helpers.js';

// The facilitator's console (#5): a finding on a small, demo-like inquiry, its question asked with one
// click, a member answering it on the board, and the finding clearing on the console as it happens; the
// console, help and workspace resilience pages scanned by axe.

async function team(browser: Browser) {
  const fac = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mem = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fiona = await apiSignUp(fac.request, 'Fiona Facil');
  const ws = await apiWorkspace(fac.request, 'Console Ltd');
  const invitation = await apiInvite(fac.request, ws.id, uniqueEmail('sam'));
  const sam = await apiSignUp(mem.request, 'Sam Member', invitation.email);
  expect((await mem.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  // A quiet participant is a finding at once, not after the default two hours.
  const tuned = await fac.request.put(`/api/workspaces/${ws.id}/insight-settings`, {
    data: { silentParticipantMinutes: 0 },
  });
  expect(tuned.ok(), await tuned.text()).toBe(true);
  const res = await fac.request.post(`/api/workspaces/${ws.id}/inquiries`, {
    data: {
      title: 'Aurora is slipping',
      question: 'Why is the Aurora line losing customers?',
      participantIds: [sam.id],
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const inquiry = ((await res.json()) as { inquiry: { id: string } }).inquiry;
  const moved = await fac.request.post(`/api/inquiries/${inquiry.id}/phase`, {
    data: { phase: 'exploring' },
  });
  expect(moved.ok(), await moved.text()).toBe(true);
  return { fac, mem, fiona, sam, ws, inquiry };
}

test('a facilitator sees a finding, asks its question with one click, a member answers, and it clears', async ({
  browser,
}) => {
  const { fac, mem, sam, inquiry } = await team(browser);
  const q = await apiPost(fac.request, inquiry.id, { kind: 'question', body: 'Which customers left first?' });
  await apiPost(fac.request, inquiry.id, {
    kind: 'hypothesis',
    body: 'Small shops left after the price rise.',
    links: [{ toId: q.id, kind: 'answers' }],
  });

  const page = await fac.newPage();
  await page.goto(`/i/${inquiry.id}`);
  await page.getByRole('navigation', { name: 'Inquiry' }).getByRole('link', { name: 'Console' }).click();
  await expect(page).toHaveURL(new RegExp(`/i/${inquiry.id}/console$`));
  await expect(page.getByRole('heading', { name: 'Facilitator’s console' })).toBeVisible();

  // Sam has not said anything: the rule fired on Sam, and says so.
  const finding = page.locator(`[data-finding="silent_participant:${sam.id}"]`);
  // The first visit loads the console's charts (recharts, React Flow): give a busy machine time.
  await expect(finding).toBeVisible({ timeout: 30_000 });
  await expect(finding.getByRole('heading', { name: 'Quiet participant' })).toBeVisible();
  await expect(finding).toContainText('silent_participant');
  await expect(finding.getByRole('link', { name: /Sam Member/ })).toHaveAttribute(
    'href',
    `/i/${inquiry.id}/people#person-${sam.id}`,
  );
  await expect(finding).toContainText('Suggested question · to Sam Member');

  // One click posts the question into the inquiry.
  await finding.getByRole('button', { name: 'Ask Sam Member' }).click();
  await expect(finding.getByText('Asked · waiting for an answer')).toBeVisible();
  const open = finding.getByRole('link', { name: 'Open the question on the board' });
  const href = (await open.getAttribute('href')) ?? '';
  const questionId = new URL(href, 'http://x').searchParams.get('note') ?? '';
  expect(questionId).not.toBe('');

  // Sam finds the question on the board and answers it.
  const board = await mem.newPage();
  await board.goto(`/i/${inquiry.id}`);
  const asked = board.locator(`#note-${questionId}`);
  await expect(asked).toBeVisible();
  await expect(asked).toContainText('Sam Member');
  await asked.getByRole('button', { name: /^Reply/ }).click();
  await board
    .getByRole('dialog')
    .locator('label')
    .filter({ hasText: /^Answers$/ })
    .click();
  await writeNote(board, 'Idea', 'Ask the shops that left: a five-minute call each.');
  await expect(asked.getByRole('list', { name: /repl/ })).toContainText('answers');

  // The console follows the inquiry live: Sam has spoken, so the finding is gone, without a reload.
  await expect(finding).toHaveCount(0);
  // The question stays on the console's record: answered, and what prompted it has cleared.
  const record = page.locator(`[data-asked="silent_participant:${sam.id}"]`);
  await expect(record).toContainText('Answered');
  await expect(record).toContainText('Finding cleared');
  await fac.close();
  await mem.close();
});

async function expectAccessible(page: Page, what: string) {
  // Let entrance transitions finish so colours are measured at rest.
  await page.waitForTimeout(400);
  // The header (with its notifications drawer) is on every page and scanned by a11y.spec.ts; this is about
  // the console's own pages.
  const results = await new AxeBuilder({ page }).exclude('.mantine-Drawer-root').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  expect.soft(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

test.describe('light scheme', () => {
  test.use({ colorScheme: 'light' });

  test('the console, the help page and the workspace resilience page are accessible', async ({ browser }) => {
    test.setTimeout(120_000); // three full-page scans
    const { fac, mem, ws, inquiry } = await team(browser);
    const q = await apiPost(fac.request, inquiry.id, {
      kind: 'question',
      body: 'Which customers left first?',
    });
    const a = await apiPost(fac.request, inquiry.id, {
      kind: 'assumption',
      body: 'Price is what customers weigh.',
    });
    await apiPost(mem.request, inquiry.id, {
      kind: 'evidence',
      body: 'Churn is 41% small shops.',
      links: [{ toId: q.id, kind: 'answers' }],
    });
    await apiPost(mem.request, inquiry.id, {
      kind: 'idea',
      body: 'Call the shops that left.',
      links: [{ toId: a.id, kind: 'builds_on' }],
    });

    const page = await fac.newPage();
    await page.goto(`/i/${inquiry.id}/console`);
    // The first visit loads the console's charts (recharts, React Flow): give a busy machine time.
    await expect(page.getByRole('heading', { name: 'Findings', level: 2 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Who builds on whom' })).toBeVisible();
    // The facilitator opens a safety pulse and an understanding check from here.
    const pulse = page.locator('#pulse');
    await pulse.getByRole('button', { name: 'Open a pulse' }).click();
    await expect(pulse.getByTestId('pulse-status')).toContainText('0 answers of the 5 needed');
    await expect(pulse.getByRole('button', { name: 'Close the pulse' })).toBeVisible();
    const understanding = page.locator('#understanding');
    await understanding.getByLabel('Options to rank (optional)').fill('Price\nQuality\nDelivery');
    await understanding.getByRole('button', { name: 'Open a check' }).click();
    await expect(understanding.getByTestId('open-check')).toContainText('0 rankings so far, over 3 items');
    // The figures behind the charts, opened, are part of the page too.
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    await page.getByRole('combobox', { name: 'Person' }).click();
    await page.getByRole('option', { name: 'Sam Member' }).click();
    await expect(page.getByTestId('away-impact')).toBeVisible();
    await expectAccessible(page, 'console');

    // "How is this computed?" leads to the definitions.
    await page.locator('#resilience').getByRole('link', { name: 'How is this computed?' }).click();
    await expect(page).toHaveURL(/\/help#resilience$/);
    await expect(
      page.getByRole('heading', { name: 'Knowledge resilience and the bus factor' }),
    ).toBeVisible();
    await expectAccessible(page, 'help');

    await page.goto(`/w/${ws.id}`);
    await page.getByRole('link', { name: 'Knowledge resilience' }).click();
    await expect(page.getByRole('heading', { name: 'Knowledge resilience', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Topics by bus factor' })).toBeVisible();
    await expectAccessible(page, 'workspace resilience');
    await fac.close();
    await mem.close();
  });
});

test('a member is not offered the console', async ({ browser }) => {
  const { fac, mem, inquiry } = await team(browser);
  const page = await mem.newPage();
  await page.goto(`/i/${inquiry.id}`);
  const nav = page.getByRole('navigation', { name: 'Inquiry' });
  await expect(nav.getByRole('link', { name: 'People' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Console' })).toHaveCount(0);
  await page.goto(`/i/${inquiry.id}/console`);
  await expect(page.getByRole('heading', { name: 'The console is the facilitator’s' })).toBeVisible();
  await fac.close();
  await mem.close();
});
