import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiInvite, apiSignUp, apiWorkspace } from './helpers.js';

// The participant's side of the console (#5): a private pulse answered in people's own browsers and shown
// only in aggregate once enough answered; a private ranking for the shared-understanding check; and the
// owner's settings (a suggested question, a threshold, the pulse's k).

/** A page's first data on a busy machine (the suite shares two cores) may take a while. */
const SLOW = { timeout: 30_000 };

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

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
  return { context, user };
}

/** No serious or critical axe violations in the page's main content (the header and passing toasts are
 * e2e/a11y.spec.ts's), or in `include` (an open dialog: the page behind it is dimmed and inert). */
async function expectAccessible(page: Page, what: string, include = 'main') {
  await page.waitForTimeout(400); // entrance transitions finish, so colours are measured at rest
  const builder = new AxeBuilder({ page });
  const results = await builder.include(include).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`),
    }));
  expect.soft(bad, `${what}: ${JSON.stringify(bad, null, 2)}`).toEqual([]);
}

interface Results {
  responses: number;
  threshold: number;
  score: number | null;
  items: unknown[] | null;
}

/** Answers one statement of the pulse form by the label of its scale point. */
async function answer(page: Page, statement: number, label: string) {
  const group = page.getByRole('radiogroup', { name: new RegExp(`^${statement}\\. `) });
  await group.getByRole('radio', { name: label, exact: true }).check();
  await expect(group.getByRole('radio', { name: label, exact: true })).toBeChecked();
}

test.describe('pulse, understanding check and workspace settings', () => {
  let owner: { context: Awaited<ReturnType<Browser['newContext']>>; page: Page };
  let workspaceId: string;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    await apiSignUp(context.request, 'Olivia Owner');
    workspaceId = (await apiWorkspace(context.request, 'Pulse & Co')).id;
    owner = { context, page: await context.newPage() };
  });

  test.afterEach(async () => {
    await owner.context.close();
  });

  test('the owner words a question, tunes a threshold and sets k', async () => {
    const page = owner.page;
    await page.goto(`/w/${workspaceId}`);
    await page.getByRole('link', { name: 'Workspace settings' }).click();
    await expect(page.getByRole('heading', { name: 'Workspace settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Suggested questions' })).toBeVisible();
    await expect(page.getByTestId('prompt').first()).toBeVisible(SLOW);
    await expectAccessible(page, 'settings');

    // A suggested question, reworded and addressed to the person.
    const section = page.getByRole('region', { name: 'Untested assumption' });
    await expect(section.getByText('Default wording')).toBeVisible();
    await section.getByRole('button', { name: 'Edit the question for Untested assumption' }).click();
    const editor = section.getByRole('form', { name: 'Edit the question for Untested assumption' });
    // A name the rule cannot fill is pointed out next to the field.
    await editor.getByLabel('Question').fill('{person}, have you tested {note}?');
    await expect(editor.getByText('This question cannot fill {person}.')).toBeVisible();
    await editor.getByLabel('Question').fill('Who has tested {note}, and how?');
    await editor.getByRole('radio', { name: 'To the person the finding is about' }).check();
    await editor.getByRole('button', { name: 'Save question' }).click();
    await expect(section.getByText('“Who has tested {note}, and how?”')).toBeVisible();
    await expect(section.getByText('To one person')).toBeVisible();
    await expect(section.getByText(/^Reworded/)).toBeVisible();

    // A threshold the server refuses is named next to its field; a good one is saved.
    const thresholds = page.getByRole('form', { name: 'When the console speaks up' });
    const gini = thresholds.getByLabel(/spread of notes \(Gini\)/);
    await gini.fill('3');
    await thresholds.getByRole('button', { name: 'Save thresholds' }).click();
    await expect(thresholds.getByText('Between 0 and 1.')).toBeVisible();
    await expectAccessible(page, 'settings with a field error');
    await gini.fill('0.6');
    const minutes = thresholds.getByLabel('A question counts as unanswered after');
    await minutes.fill('45');
    await thresholds.getByRole('button', { name: 'Save thresholds' }).click();
    await expect(page.getByText('Thresholds saved')).toBeVisible();

    // k can never go below 3.
    const pulse = page.getByRole('form', { name: 'Pulse privacy' });
    const k = pulse.getByLabel('Answers needed before results show');
    await expect(k).toHaveValue('5');
    await k.fill('2');
    await pulse.getByRole('button', { name: 'Save' }).click();
    await expect(pulse.getByText('Never fewer than 3.')).toBeVisible();
    await k.fill('3');
    await pulse.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Pulse results now need at least 3 answers.')).toBeVisible();

    // All of it is there after a reload.
    await page.reload();
    await expect(page.getByText('“Who has tested {note}, and how?”')).toBeVisible(SLOW);
    await expect(
      page
        .getByRole('form', { name: 'When the console speaks up' })
        .getByLabel('A question counts as unanswered after'),
    ).toHaveValue('45');
    await expect(page.getByLabel(/spread of notes \(Gini\)/)).toHaveValue('0.6');
    await expect(page.getByLabel('Answers needed before results show')).toHaveValue('3');

    // And the question goes back to its default wording.
    const again = page.getByRole('region', { name: 'Untested assumption' });
    await again
      .getByRole('button', { name: 'Reset the question for Untested assumption to the default' })
      .click();
    await expect(again.getByText('Default wording')).toBeVisible();
    await expect(again.getByText('“Who has tested {note}, and how?”')).toHaveCount(0);
  });

  test('participants answer a pulse privately; results only in aggregate, only from k answers on', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const api = owner.context.request;
    // k = 3 keeps the test small; the settings test shows it set through the page.
    await ok(await api.patch(`/api/workspaces/${workspaceId}/settings`, { data: { pulseThreshold: 3 } }));
    const people = [];
    for (const name of ['Ana Alves', 'Ben Brook', 'Cleo Chen'])
      people.push(await member(browser, api, workspaceId, name));
    const inquiry = (
      await ok<{ inquiry: { id: string } }>(
        await api.post(`/api/workspaces/${workspaceId}/inquiries`, {
          data: {
            title: 'Why do trial users leave?',
            question: 'Why do half of our trial users leave in the first week?',
            participantIds: people.map((p) => p.user.id),
          },
        }),
      )
    ).inquiry;
    // The facilitator opens the pulse from the console.
    const console = owner.page;
    await console.goto(`/i/${inquiry.id}/console`);
    const section = console.locator('#pulse');
    await section.getByRole('button', { name: 'Open a pulse' }).click({ timeout: 30_000 });
    await expect(section.getByTestId('pulse-status')).toContainText('0 answers of the 3 needed');
    const listed = await ok<{ items: { id: string; closedAt: string | null }[] }>(
      await api.get(`/api/inquiries/${inquiry.id}/pulses`),
    );
    const pulse = listed.items.find((p) => p.closedAt === null) as { id: string };
    expect(pulse).toBeDefined();

    // Ana answers in her browser, from the board.
    const [ana, ben, cleo] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const page = await ana.context.newPage();
    await page.goto(`/i/${inquiry.id}`);
    await expect(page.getByRole('button', { name: 'Answer the pulse' })).toBeVisible(SLOW);
    await expectAccessible(page, 'board with a pulse to answer');
    await page.getByRole('button', { name: 'Answer the pulse' }).click();
    const dialog = page.getByRole('dialog', { name: /Team pulse/ });
    await expect(dialog.getByText('Your answers are anonymous')).toBeVisible();
    await expect(dialog.getByText(/at least\s+3\s+people/)).toBeVisible();
    await expectAccessible(page, 'pulse form', '[role="dialog"]');

    // Sending with statements left open names them and sends nothing.
    await answer(page, 1, 'Disagree');
    await dialog.getByRole('button', { name: 'Send my answers' }).click();
    await expect(dialog.getByText('Answer all seven statements: 6 still open.')).toBeVisible();
    await expectAccessible(page, 'pulse form with errors', '[role="dialog"]');
    for (const [i, label] of [
      [2, 'Agree'],
      [3, 'Strongly disagree'],
      [4, 'Somewhat agree'],
      [5, 'Disagree'],
      [6, 'Strongly agree'],
      [7, 'Agree'],
    ] as const)
      await answer(page, i, label);
    await dialog.getByLabel(/Anything you want to add/).fill('We could say more about what goes wrong.');
    await dialog.getByRole('button', { name: 'Send my answers' }).click();
    await expect(dialog.getByRole('heading', { name: /Thank you/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(page.getByTestId('pulse-answered')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('pulse-answered')).toBeVisible(SLOW);
    await expect(page.getByRole('button', { name: 'Answer the pulse' })).toHaveCount(0);

    // A second answer is refused.
    const again = await ana.context.request.post(`/api/pulses/${pulse.id}/responses`, {
      data: { answers: [1, 1, 1, 1, 1, 1, 1] },
    });
    expect(again.status()).toBe(409);

    // Ben answers from the workspace home, where team and inquiry pulses wait.
    const benPage = await ben.context.newPage();
    await benPage.goto(`/w/${workspaceId}`);
    await benPage.getByRole('button', { name: 'Answer the pulse' }).click(SLOW);
    for (let i = 1; i <= 7; i++) await answer(benPage, i, 'Somewhat agree');
    await benPage.getByRole('dialog').getByRole('button', { name: 'Send my answers' }).click();
    await expect(benPage.getByRole('dialog').getByRole('heading', { name: /Thank you/ })).toBeVisible();

    // Two answers, fewer than k: the facilitator learns the count, not a figure.
    let results = await ok<Results>(await api.get(`/api/pulses/${pulse.id}/results`));
    expect(results).toMatchObject({ responses: 2, threshold: 3, score: null, items: null });
    await console.reload();
    await expect(section.getByTestId('pulse-status')).toContainText('2 answers of the 3 needed', {
      timeout: 30_000,
    });
    await expect(section.locator('[data-figure="pulse-score"]')).toHaveCount(0);

    // Cleo through the API; then the facilitator closes the pulse and sees the group's average.
    await ok(
      await cleo.context.request.post(`/api/pulses/${pulse.id}/responses`, {
        data: { answers: [2, 6, 2, 6, 2, 6, 6], comment: 'Feels safe enough.' },
      }),
    );
    // Three answers, still open: still no figure, so it cannot change while anyone watches.
    results = await ok<Results>(await api.get(`/api/pulses/${pulse.id}/results`));
    expect(results).toMatchObject({ responses: 3, score: null, items: null });
    await console.reload();
    await expect(section.getByTestId('pulse-status')).toContainText('3 answers of the 3 needed', {
      timeout: 30_000,
    });
    await section.getByRole('button', { name: 'Close the pulse' }).click();
    await expect(section.getByText('Last pulse, closed')).toBeVisible();
    await expect(section.locator('[data-figure="pulse-score"]')).toContainText(/\d\.\d \/ 7/, SLOW);
    results = await ok<Results>(await api.get(`/api/pulses/${pulse.id}/results`));
    expect(results.responses).toBe(3);
    expect(results.score).not.toBeNull();
    expect(results.items).toHaveLength(7);
    // Nothing about any one answer in what a participant can read either.
    const seen = await ok<{ items: Record<string, unknown>[] }>(
      await ana.context.request.get(`/api/inquiries/${inquiry.id}/pulses`),
    );
    expect(JSON.stringify(seen)).not.toMatch(/answers|comment/);

    for (const p of people) await p.context.close();
  });

  test('a participant ranks the explanations privately and can change the ranking', async ({ browser }) => {
    const api = owner.context.request;
    const ana = await member(browser, api, workspaceId, 'Ana Alves');
    const inquiry = (
      await ok<{ inquiry: { id: string } }>(
        await api.post(`/api/workspaces/${workspaceId}/inquiries`, {
          data: {
            title: 'Why is churn up?',
            question: 'Why did churn double this quarter?',
            participantIds: [ana.user.id],
          },
        }),
      )
    ).inquiry;
    const { check } = await ok<{ check: { id: string; items: { id: string; label: string }[] } }>(
      await api.post(`/api/inquiries/${inquiry.id}/understanding`, {
        data: {
          stage: 'exploring',
          items: [{ label: 'Price rise' }, { label: 'Slow onboarding' }, { label: 'A competitor' }],
        },
      }),
    );

    const page = await ana.context.newPage();
    await page.goto(`/i/${inquiry.id}`);
    await expect(page.getByText('Before we go on: rank the explanations privately')).toBeVisible(SLOW);
    await expectAccessible(page, 'board with a check to answer');
    await page.getByRole('button', { name: 'Rank them' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rank the explanations privately' });
    await expect(dialog.getByText(/private: nobody else sees them/)).toBeVisible();
    await expectAccessible(page, 'understanding check form', '[role="dialog"]');

    // From the keyboard: focus "Slow onboarding"'s up button and press it; the focus stays with the item.
    const up = dialog.getByRole('button', { name: 'Move “Slow onboarding” up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('listitem').first()).toContainText('Slow onboarding');
    await expect(dialog.getByRole('button', { name: 'Move “Slow onboarding” down' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Move “A competitor” up' }).click();
    await expect(dialog.getByRole('listitem').nth(1)).toContainText('A competitor');

    // The theory is needed: the server says so next to it.
    await dialog.getByRole('button', { name: 'Save my answer' }).click();
    await expect(dialog.getByText('Required.')).toBeVisible();
    await dialog
      .getByLabel(/Your current theory/)
      .fill('Onboarding got slower when we moved support. Competitors only win the ones we already lost.');
    await dialog.getByRole('button', { name: 'Save my answer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('understanding-answered')).toBeVisible();

    const order = (label: string) => check.items.find((i) => i.label === label)?.id;
    let mine = await ok<{
      items: { id: string; myResponse: { ranking: string[]; theory: string } | null }[];
    }>(await ana.context.request.get(`/api/inquiries/${inquiry.id}/understanding`));
    expect(mine.items.find((c) => c.id === check.id)?.myResponse?.ranking).toEqual([
      order('Slow onboarding'),
      order('A competitor'),
      order('Price rise'),
    ]);

    // Open again: my answer is there to change.
    await page.reload();
    await page.getByRole('button', { name: 'See or change my answer' }).click(SLOW);
    await expect(dialog.getByLabel(/Your current theory/)).toHaveValue(/Onboarding got slower/);
    await expect(dialog.getByRole('listitem').first()).toContainText('Slow onboarding');
    await dialog.getByRole('button', { name: 'Move “Price rise” up' }).click();
    await dialog.getByRole('button', { name: 'Update my answer' }).click();
    await expect(dialog).toBeHidden();
    mine = await ok(await ana.context.request.get(`/api/inquiries/${inquiry.id}/understanding`));
    expect(mine.items.find((c) => c.id === check.id)?.myResponse?.ranking).toEqual([
      order('Slow onboarding'),
      order('Price rise'),
      order('A competitor'),
    ]);

    // The facilitator sees how many answered, never the ranking itself.
    const theirs = await ok<{ items: { id: string; responses: number; myResponse: unknown }[] }>(
      await api.get(`/api/inquiries/${inquiry.id}/understanding`),
    );
    const seenByFacilitator = theirs.items.find((c) => c.id === check.id);
    expect(seenByFacilitator?.responses).toBe(1);
    expect(seenByFacilitator?.myResponse).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('Onboarding got slower');
    await ana.context.close();
  });
});

test.describe('dark scheme', () => {
  test.use({ colorScheme: 'dark' });

  test('the pulse form, the ranking form and the settings page pass axe', async ({ browser }) => {
    const owner = await browser.newContext({ colorScheme: 'dark' });
    await apiSignUp(owner.request, 'Olivia Owner');
    const workspaceId = (await apiWorkspace(owner.request, 'Dark & Co')).id;
    const ana = await member(browser, owner.request, workspaceId, 'Ana Alves');
    const inquiry = (
      await ok<{ inquiry: { id: string } }>(
        await owner.request.post(`/api/workspaces/${workspaceId}/inquiries`, {
          data: {
            title: 'Why is churn up?',
            question: 'Why did churn double?',
            participantIds: [ana.user.id],
          },
        }),
      )
    ).inquiry;
    await ok(await owner.request.post(`/api/inquiries/${inquiry.id}/pulses`, { data: { closesAt: null } }));
    await ok(
      await owner.request.post(`/api/inquiries/${inquiry.id}/understanding`, {
        data: { stage: 'exploring', items: [{ label: 'Price' }, { label: 'Onboarding' }] },
      }),
    );

    const page = await ana.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/i/${inquiry.id}`);
    await expect(page.getByRole('button', { name: 'Answer the pulse' })).toBeVisible(SLOW);
    await expectAccessible(page, 'dark board with a pulse and a check');
    await page.getByRole('button', { name: 'Answer the pulse' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByText(/Answer all seven statements/)).toBeVisible();
    await expectAccessible(page, 'dark pulse form with errors', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Rank them' }).click();
    await expect(page.getByRole('dialog', { name: 'Rank the explanations privately' })).toBeVisible();
    await expectAccessible(page, 'dark ranking form', '[role="dialog"]');

    const settings = await owner.newPage();
    await settings.emulateMedia({ colorScheme: 'dark' });
    await settings.goto(`/w/${workspaceId}/settings`);
    await expect(settings.getByTestId('prompt').first()).toBeVisible(SLOW);
    await expect(settings.getByLabel('Answers needed before results show')).toBeVisible();
    await expectAccessible(settings, 'dark settings');
    await ana.context.close();
    await owner.close();
  });
});
