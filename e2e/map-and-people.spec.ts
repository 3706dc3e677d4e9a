import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { generatedBoard } from '../app/pages/Map/testBoard.js';
import { apiInvite, apiPost, apiSignUp, apiWorkspace, card, uniqueEmail } from './helpers.js';

// The knowledge map and the people panel: notes by kind on the map, filters, a node that opens its note on
// the board; counts of build-ons and "this helped me"; lenses given by the facilitator, heard once used.

async function team(browser: Browser) {
  const fac = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mem = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await apiSignUp(fac.request, 'Fiona Facil');
  const ws = await apiWorkspace(fac.request, 'Map Ltd');
  const invitation = await apiInvite(fac.request, ws.id, uniqueEmail('sam'));
  const sam = await apiSignUp(mem.request, 'Sam Member', invitation.email);
  expect((await mem.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  return { fac, mem, ws, sam };
}

async function inquiryWith(request: APIRequestContext, workspaceId: string, participantIds: string[]) {
  const res = await request.post(`/api/workspaces/${workspaceId}/inquiries`, {
    data: { title: 'Aurora map', question: 'Why is Aurora losing customers?', participantIds },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { inquiry: { id: string } }).inquiry;
}

test('the map shows notes by kind, filters by kind, and opens a note on the board', async ({ browser }) => {
  const { fac, mem, ws, sam } = await team(browser);
  const inquiry = await inquiryWith(fac.request, ws.id, [sam.id]);
  const q = await apiPost(fac.request, inquiry.id, { kind: 'question', body: 'Which customers left first?' });
  await apiPost(mem.request, inquiry.id, {
    kind: 'hypothesis',
    body: 'Small shops left after the price rise.',
    links: [{ toId: q.id, kind: 'answers' }],
  });
  await apiPost(mem.request, inquiry.id, { kind: 'evidence', body: 'Churn is 41% small shops.' });

  const page = await fac.newPage();
  await page.goto(`/i/${inquiry.id}`);
  // The board links to the map next to its views.
  await page.getByRole('navigation', { name: 'Inquiry' }).getByRole('link', { name: 'Map' }).click();
  await expect(page).toHaveURL(new RegExp(`/i/${inquiry.id}/map$`));
  await expect(page.getByRole('heading', { name: 'Knowledge map' })).toBeVisible();

  const map = page.getByRole('region', { name: 'Knowledge map' });
  const question = map.getByRole('link', { name: /^Question by Fiona Facil: Which customers left first\?/ });
  const hypothesis = map.getByRole('link', { name: /^Hypothesis by Sam Member: Small shops left/ });
  const evidence = map.getByRole('link', { name: /^Evidence by Sam Member/ });
  await expect(question).toBeVisible();
  await expect(hypothesis).toBeVisible();
  await expect(evidence).toBeVisible();
  // The link is drawn and named by its verb.
  await expect(map.getByText('answers', { exact: true })).toBeVisible();
  await expect(page.getByText('Showing 3 of 3 notes, 1 links')).toBeVisible();

  // Filter by kind: only questions stay.
  await page
    .getByRole('group', { name: 'Kinds' })
    .locator('label')
    .filter({ hasText: /^Question$/ })
    .click();
  await expect(hypothesis).toHaveCount(0);
  await expect(evidence).toHaveCount(0);
  await expect(question).toBeVisible();
  await expect(page.getByText('Showing 1 of 3 notes, 0 links')).toBeVisible();

  // Person filter: Sam's notes only.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: 'Sam Member' }).click();
  await expect(question).toHaveCount(0);
  await expect(hypothesis).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // A node opens its note on the board, in view and focused.
  await question.click();
  await expect(page).toHaveURL(new RegExp(`/i/${inquiry.id}\\?note=${q.id}$`));
  const opened = card(page, 'Which customers left first?');
  await expect(opened).toBeFocused();
  await expect(opened).toBeInViewport();
  await fac.close();
  await mem.close();
});

test('the people panel counts build-ons and acknowledgements; a lens is unheard until used', async ({
  browser,
}) => {
  const { fac, mem, ws, sam } = await team(browser);
  const inquiry = await inquiryWith(fac.request, ws.id, [sam.id]);
  const q = await apiPost(fac.request, inquiry.id, { kind: 'question', body: 'Where do customers go?' });
  await apiPost(mem.request, inquiry.id, {
    kind: 'idea',
    body: 'Ask the lapsed ones directly.',
    links: [{ toId: q.id, kind: 'builds_on' }],
  });

  const page = await fac.newPage();
  await page.goto(`/i/${inquiry.id}`);
  // "This helped me" on Sam's note: a toggle, shown at once, with the count.
  const samsNote = card(page, 'Ask the lapsed ones directly.');
  const helped = samsNote.getByRole('button', { name: /^This helped me/ });
  await expect(helped).toHaveAttribute('aria-pressed', 'false');
  await helped.click();
  await expect(helped).toHaveAttribute('aria-pressed', 'true');
  await expect(helped).toHaveAccessibleName('This helped me, 1 so far');
  // Not on my own note.
  await expect(
    card(page, 'Where do customers go?').getByRole('button', { name: /This helped me/ }),
  ).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Inquiry' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const people = page.getByRole('list', { name: 'Participants' });
  const samCard = people.getByRole('listitem').filter({ hasText: 'Sam Member' });
  const fionaCard = people.getByRole('listitem').filter({ hasText: 'Fiona Facil' });
  await expect(samCard.getByText('1 contribution', { exact: true })).toBeVisible();
  const stat = (where: typeof samCard, label: string) => where.locator(`[data-stat="${label}"]`);
  await expect(stat(samCard, 'Build-ons given')).toContainText('1');
  await expect(stat(fionaCard, 'Built on by others')).toContainText('1');
  await expect(stat(samCard, 'Helped others')).toContainText('1');
  await expect(stat(fionaCard, 'Helped others')).toContainText('0');

  // The facilitator gives Sam a lens: it is not heard from until Sam writes from it.
  const lenses = page.getByRole('region', { name: 'Lenses' });
  await expect(lenses).toContainText('Give people a lens');
  await samCard.getByRole('combobox', { name: 'Lens for Sam Member' }).fill('finance');
  await samCard.getByRole('button', { name: 'Give lens' }).click();
  await expect(samCard.getByText('Lens: finance')).toBeVisible();
  await expect(lenses.getByText('finance · not heard yet')).toBeVisible();
  await expect(lenses).toContainText('Not heard from yet: finance.');

  await apiPost(mem.request, inquiry.id, { kind: 'evidence', body: 'Margins on Aurora fell to 4%.' });
  // The page follows the inquiry: the lens turns heard without a reload.
  await expect(lenses.getByText('finance · heard')).toBeVisible({ timeout: 15_000 });
  await expect(lenses).toContainText('Every lens has been heard from.');

  // The lens travels with Sam's new note on the board.
  await page.goto(`/i/${inquiry.id}`);
  await expect(card(page, 'Margins on Aurora fell to 4%.').getByText('finance')).toBeVisible();
  await fac.close();
  await mem.close();
});

test('the map stays usable with 2,000 notes', async ({ page }) => {
  test.setTimeout(120_000);
  await apiSignUp(page.request, 'Bea Bigboard');
  const ws = await apiWorkspace(page.request, 'Big Ltd');
  const res = await page.request.post(`/api/workspaces/${ws.id}/inquiries`, {
    data: { title: 'Big', question: 'What does a busy board look like?' },
  });
  const inquiry = ((await res.json()) as { inquiry: { id: string } }).inquiry;
  // The real inquiry, and a generated board of 2,000 notes in the API's own pages of 200.
  const board = generatedBoard(2_000, inquiry.id);
  await page.route(`**/api/inquiries/${inquiry.id}/contributions?*`, async (route) => {
    const url = new URL(route.request().url());
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const items = board.items.slice(start, start + 200);
    const ids = new Set(items.map((c) => c.id));
    await route.fulfill({
      json: {
        items,
        links: board.links.filter((l) => ids.has(l.fromId)),
        nextCursor: start + 200 < board.items.length ? String(start + 200) : null,
      },
    });
  });

  await page.addInitScript(() => {
    const w = window as unknown as { maxNodes: number };
    w.maxNodes = 0;
    new MutationObserver(() => {
      w.maxNodes = Math.max(w.maxNodes, document.querySelectorAll('.react-flow__node').length);
    }).observe(document, { childList: true, subtree: true });
  });
  const started = Date.now();
  await page.goto(`/i/${inquiry.id}/map`);
  await expect(page.getByText(/^Showing 2000 of 2000 notes, \d+ links$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: / by (Person \d|Anonymous): Note \d+:/ }).first(),
  ).toBeVisible();
  const loaded = Date.now() - started;
  // Only what is on screen is ever in the page, from the first frame on.
  const rendered = await page.locator('.react-flow__node').count();
  expect(rendered).toBeGreaterThan(0);
  const most = await page.evaluate(() => (window as unknown as { maxNodes: number }).maxNodes);
  expect(most).toBeLessThan(200);
  // Filtering answers quickly, and panning keeps the page responsive.
  const t0 = Date.now();
  await page
    .getByRole('group', { name: 'Kinds' })
    .locator('label')
    .filter({ hasText: /^Insight$/ })
    .click();
  await expect(page.getByText(/^Showing 2\d\d of 2000 notes/)).toBeVisible();
  const filtered = Date.now() - t0;
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height / 2 - 200, { steps: 8 });
    await page.mouse.up();
  }
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  console.log(
    `2,000-note map: shown in ${loaded} ms, ${rendered} nodes drawn (${most} at most), filter in ${filtered} ms`,
  );
  expect(filtered).toBeLessThan(5_000);
});
