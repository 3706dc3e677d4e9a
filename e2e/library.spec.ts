import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiSignUp } from './helpers.js';

// The team's library (#6): framing a new inquiry shows what the team already found out on the theme, the
// library can be searched from there without losing the draft, and a past conclusion reads as a card — the
// conclusion, what it rests on, who can explain it. The library page searches as you type, with facets
// and highlighted snippets. The demo workspace has a concluded inquiry ("catalogue") to find.

/** A page's first data on a busy machine (the suite shares two cores) may take a while. */
const SLOW = { timeout: 30_000 };
const CATALOGUE = 'Why did the catalogue ship three weeks late?';

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** No serious or critical axe violations in the page's main content, or in `include` (an open drawer). */
async function expectAccessible(page: Page, what: string, include = 'main') {
  await page.waitForTimeout(400); // entrance transitions finish, so colours are measured at rest
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`),
    }));
  expect.soft(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

test.describe('the library', () => {
  let workspaceId = '';

  test.beforeEach(async ({ page }) => {
    await apiSignUp(page.request, 'Lia Librarian');
    workspaceId = (await ok<{ workspace: { id: string } }>(await page.request.post('/api/demo'))).workspace
      .id;
  });

  test('framing a question shows what the team found before, and the card of a past conclusion', async ({
    page,
  }) => {
    await page.goto(`/w/${workspaceId}/new`);
    await page.getByLabel('Title').fill('Is the spring catalogue going to be late too?');
    await page
      .getByLabel('The question')
      .fill('How do we keep the photo shoot, the samples and the print slot on time this spring?');

    // As the question is typed, the past inquiry on the same theme is suggested with its conclusion.
    const related = page.getByRole('region', { name: 'The team has looked at this before' });
    await expect(related.getByRole('heading', { name: CATALOGUE })).toBeVisible(SLOW);
    await expect(related).toContainText('two slips compounded');
    await expectAccessible(page, 'framing with suggestions');
    await related.getByRole('button', { name: `Read the conclusion: ${CATALOGUE}` }).click();
    const drawer = page.getByRole('dialog', { name: CATALOGUE });
    await expect(drawer.getByRole('heading', { name: 'Who can explain it' })).toBeVisible(SLOW);
    await expect(drawer).toContainText('Tomás Herrera');
    await drawer.getByRole('button', { name: 'Close the card' }).click();
    await expect(drawer).toBeHidden();

    // The library searched from the framing screen, in a drawer.
    await page.getByRole('search').getByLabel('Search the library').fill('print slot');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const search = page.getByRole('dialog', { name: 'Search the library' });
    const conclusion = search
      .getByRole('article')
      .filter({ has: page.getByText('Conclusion', { exact: true }) });
    await expect(conclusion.first()).toBeVisible(SLOW);
    await expectAccessible(page, 'the library drawer', '[role="dialog"]');
    await conclusion.first().getByRole('link').click();

    // The past conclusion as a card.
    await expect(page).toHaveURL(/\/i\/[^/]+\/card$/);
    const card = page.getByRole('article', { name: 'Library card' });
    await expect(card.getByRole('heading', { level: 1, name: CATALOGUE })).toBeVisible(SLOW);
    const concluded = card.getByRole('region', { name: 'Conclusion' });
    await expect(concluded).toContainText('The catalogue was late because two slips compounded');
    const restsOn = card.getByRole('region', { name: 'What it rests on' });
    await expect(restsOn.getByRole('listitem')).toHaveCount(3);
    await expect(restsOn).toContainText('Samples for 14 of 60 products arrived after the shoot date');
    await expect(restsOn.locator('strong', { hasText: '14 of 60' })).toBeVisible();
    const explain = card.getByRole('region', { name: 'Who can explain it' });
    await expect(explain).toContainText('Tomás Herrera');
    await expect(explain).toContainText('Lena Fischer');
    await expect(card.getByRole('region', { name: 'Still unclear' })).toContainText(
      'What a backup slot costs if we never use it.',
    );
    await expect(page.getByRole('link', { name: 'Print or export' })).toHaveAttribute(
      'href',
      /\/i\/[^/]+\/print$/,
    );
    await expectAccessible(page, 'library card');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'library card in the dark scheme');
    await page.emulateMedia({ colorScheme: 'light' });

    // Back on the framing screen, the draft is as it was left.
    await page.goBack();
    await expect(page.getByLabel('Title')).toHaveValue('Is the spring catalogue going to be late too?', SLOW);
    await expect(page.getByLabel('The question')).toHaveValue(/print slot on time this spring/);
    await expect(page.getByText('Your draft is as you left it')).toBeVisible();
  });

  test('the library page searches as you type, with facets and highlighted snippets', async ({ page }) => {
    await page.goto(`/w/${workspaceId}/library`);
    // With nothing searched, the library shows its cards.
    const cards = page.getByRole('region', { name: 'Concluded inquiries' });
    await expect(cards.getByRole('heading', { name: CATALOGUE })).toBeVisible(SLOW);
    await expect(cards).toContainText('Can explain it');
    await expectAccessible(page, 'library');

    // `/` focuses the search; results follow typing; the URL says what was searched.
    await page.getByRole('heading', { level: 1, name: 'Library' }).click();
    await page.keyboard.press('/');
    const box = page.getByLabel('Search the library');
    await expect(box).toBeFocused();
    await page.keyboard.type('samples');
    await expect(page).toHaveURL(/[?&]q=samples/, SLOW);
    const results = page.getByRole('list', { name: 'Results' });
    await expect(results.getByRole('listitem').first()).toBeVisible(SLOW);
    await expect(results.locator('mark').first()).toHaveText(/^samples?$/i);
    await expect(page.getByRole('status').filter({ hasText: /\d+ results?/ })).toBeVisible();

    // A facet value narrows the results to it, and the URL keeps it.
    const refine = page.getByRole('complementary', { name: 'Refine' });
    await refine.getByRole('button', { name: /^Reflection/ }).click();
    await expect(page).toHaveURL(/[?&]source=reflection/);
    await expect(refine.getByRole('button', { name: /^Reflection/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(results.getByRole('article').first()).toContainText('Reflection');
    const shown = await results.getByRole('article').count();
    await expect(results.getByRole('article').filter({ hasText: 'Reflection' })).toHaveCount(shown);
    await expect(page.getByRole('group', { name: 'Filters in use' })).toContainText('In reflections');
    await expectAccessible(page, 'library search');

    // A shared link opens the same search; one click shows what is still open.
    await page.goto(`/w/${workspaceId}/library?q=samples&source=reflection`);
    await expect(box).toHaveValue('samples', SLOW);
    await expect(results.getByRole('article').first()).toContainText('Reflection', SLOW);
    await page.getByRole('button', { name: 'Clear the search words' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Open assumptions' }).click();
    await expect(page).toHaveURL(/kind=assumption&state=untested/);
    await expect(results.getByRole('article').first()).toContainText('Assumption', SLOW);
    await expect(results.getByRole('article').first()).toContainText('Untested');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'library in the dark scheme');
  });
});
