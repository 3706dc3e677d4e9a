import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiInquiry, apiInvite, apiPost, apiSignUp, apiWorkspace, uniqueEmail } from './helpers.js';

// Every screen, scanned by axe-core in light and dark: no serious or critical violations.

async function expectAccessible(page: Page, what: string) {
  // Let entrance transitions finish so colours are measured at rest.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).analyze();
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

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('public pages: sign in, sign up, invitation', async ({ page, browser }) => {
      await page.goto('/signin');
      await expect(page.getByRole('heading', { name: 'Sign in to Colearn' })).toBeVisible();
      await expectAccessible(page, 'sign in');

      // Errors next to the fields are part of the page too.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').or(page.getByText(/Required|valid e-mail/).first())).toBeVisible();
      await expectAccessible(page, 'sign in with errors');

      await page.goto('/signup');
      await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
      await expectAccessible(page, 'sign up');

      // An invitation, seen by someone signed out.
      const owner = await browser.newContext();
      await apiSignUp(owner.request, 'Olga Owner');
      const ws = await apiWorkspace(owner.request, 'Axe Ltd');
      const invitation = await apiInvite(owner.request, ws.id, uniqueEmail('guest'));
      await owner.close();
      await page.goto(`/invite/${invitation.token}`);
      await expect(page.getByRole('heading', { name: /invited you to join Axe Ltd/ })).toBeVisible();
      await expectAccessible(page, 'invitation');
    });

    test('signed-in pages: workspace home, frame inquiry, board', async ({ page }) => {
      test.setTimeout(240_000); // a dozen full-page scans (slow on a busy machine)
      await apiSignUp(page.request, 'Fiona Facilitator');
      const ws = await apiWorkspace(page.request, 'Axe Trading');

      // First visit to an empty workspace.
      await page.goto(`/w/${ws.id}`);
      await expect(page.getByRole('link', { name: 'Frame your first inquiry' })).toBeVisible();
      await expectAccessible(page, 'empty workspace home');

      await apiInvite(page.request, ws.id, uniqueEmail('pending'));
      const inquiry = await apiInquiry(page.request, ws.id, {
        title: 'Why is Aurora slipping?',
        question: 'Why have Aurora sales fallen for three quarters?',
        context: 'Revenue is **down 18%**.',
        allowAnonymous: true,
      });
      await page.goto(`/w/${ws.id}`);
      await expect(page.getByRole('link', { name: 'Why is Aurora slipping?' })).toBeVisible();
      await expectAccessible(page, 'workspace home');

      await page.goto(`/w/${ws.id}/new`);
      await expect(page.getByRole('heading', { name: 'Frame an inquiry' })).toBeVisible();
      await expectAccessible(page, 'frame inquiry');

      await page.goto(`/i/${inquiry.id}`);
      await expect(page.getByText('Start with a good question or a hunch')).toBeVisible();
      await expectAccessible(page, 'empty board');

      const q = await apiPost(page.request, inquiry.id, {
        kind: 'question',
        body: 'Which customers left **first**?',
      });
      const h = await apiPost(page.request, inquiry.id, {
        kind: 'hypothesis',
        body: 'The price rise hit small shops.',
        links: [{ toId: q.id, kind: 'answers' }],
      });
      await apiPost(page.request, inquiry.id, {
        kind: 'evidence',
        body: '41% of churn: shops under 5 staff.',
        links: [{ toId: h.id, kind: 'supports' }],
      });
      const a = await apiPost(page.request, inquiry.id, {
        kind: 'assumption',
        body: 'Customers compare us with two rivals.',
        anonymous: true,
      });
      // Every state badge colour is on the page: answered, supported, refuted.
      for (const [id, state] of [
        [q.id, 'answered'],
        [h.id, 'supported'],
        [a.id, 'refuted'],
      ] as const) {
        expect((await page.request.patch(`/api/contributions/${id}`, { data: { state } })).ok()).toBe(true);
      }
      await apiPost(page.request, inquiry.id, { kind: 'idea', body: 'A 3-seat plan.' });
      await apiPost(page.request, inquiry.id, {
        kind: 'insight',
        body: 'Onboarding matters more than price.',
      });
      await apiPost(page.request, inquiry.id, { kind: 'unknown', body: "I don't know onboarding times." });
      await page.reload();
      await expect(page.getByRole('article')).toHaveCount(7);
      await expectAccessible(page, 'board with notes');

      await page
        .getByRole('toolbar')
        .locator('label')
        .filter({ hasText: /^Threads$/ })
        .click();
      await expect(page.getByRole('radio', { name: 'Threads' })).toBeChecked();
      await expect(page.getByRole('list', { name: 'Replies' }).first()).toBeVisible();
      await expectAccessible(page, 'board as threads');

      // The synthesis, open with text in it, and its link form.
      const views = page.getByRole('toolbar', { name: 'Board' }).locator('label');
      await views.filter({ hasText: /^Synthesis$/ }).click();
      await expect(page.getByTestId('synthesis-status')).toHaveText(/^Saved/);
      await page.getByRole('button', { name: 'Start from an outline' }).click();
      await page.keyboard.type('Small shops left after the price rise.');
      await expect(page.getByRole('textbox', { name: 'Synthesis' })).toContainText('Small shops left');
      await expectAccessible(page, 'board with the synthesis open');
      await page.keyboard.press('Control+k');
      await expect(page.getByLabel('Link address')).toBeVisible();
      await expectAccessible(page, 'synthesis link form');
      await page.keyboard.press('Escape');
      await views.filter({ hasText: /^Threads$/ }).click();
      await expect(page.getByRole('radio', { name: 'Threads' })).toBeChecked();

      await page.getByRole('button', { name: 'New note' }).click();
      const composer = page.getByRole('dialog');
      await expect(composer).toBeVisible();
      await expectAccessible(page, 'composer');
      // Each kind, picked, keeps its label readable.
      for (const kind of ['Hypothesis', 'Evidence', 'Assumption', 'Idea', 'Insight', 'Unknown']) {
        await composer
          .locator('label')
          .filter({ hasText: new RegExp(`^${kind}$`) })
          .click();
        await expectAccessible(page, `composer with ${kind}`);
      }
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Edit framing' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit the framing' })).toBeVisible();
      await expectAccessible(page, 'edit framing');
    });

    test('the mechanics: fit check, conclusion by consent, reflections, summary', async ({
      page,
      browser,
    }) => {
      test.setTimeout(240_000);
      const me = await apiSignUp(page.request, 'Fiona Facilitator');
      const ws = await apiWorkspace(page.request, 'Consent Ltd');
      const invitation = await apiInvite(page.request, ws.id, uniqueEmail('milo'));
      const other = await browser.newContext();
      const milo = await apiSignUp(other.request, 'Milo Member', invitation.email);
      expect((await other.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
      const call = async <T = unknown>(
        request: APIRequestContext,
        method: 'post' | 'put',
        path: string,
        data?: object,
      ): Promise<T> => {
        const res = await request[method](path, data === undefined ? undefined : { data });
        expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
        return (await res.json()) as T;
      };

      // The framing page with the fit check answered, then overridden without a reason.
      await page.goto(`/w/${ws.id}/new`);
      for (const [question, answer] of [
        [/answer already known/, 'No'],
        [/routine or simple/, 'No'],
        [/new to everyone/, 'Yes'],
        [/goal, or the cause/, 'Yes'],
        [/several perspectives/, 'No'],
        [/How much is at stake/, 'Medium'],
        [/How much time/, 'Hours'],
      ] as const) {
        await page
          .getByRole('radiogroup', { name: question })
          .locator('label')
          .filter({ hasText: new RegExp(`^${answer}$`) })
          .click();
      }
      await expect(page.getByTestId('fit-recommendation')).toContainText('Collaborative');
      await expectAccessible(page, 'frame inquiry with the fit check');
      await page.getByLabel('Title').fill('Consent');
      await page.getByLabel('The question').fill('Do we agree?');
      await page.getByRole('radio', { name: /^Cooperative/ }).click();
      await page.getByRole('button', { name: 'Start the inquiry' }).click();
      await expect(page.getByLabel(/Why cooperative rather than/)).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, 'fit check overridden without a reason');
      await page.getByLabel(/Why cooperative rather than/).fill('We need a decision today, so I split it.');
      await page.getByRole('button', { name: 'Start the inquiry' }).click();
      await page.getByRole('button', { name: 'Fit check' }).click();
      await expect(page.getByText('Run as cooperative instead')).toBeVisible();
      await expect(page.getByText('Inquiry framed')).toBeHidden();
      await expectAccessible(page, 'board: the fit check, overridden, in the framing details');

      // An inquiry in synthesizing, with a proposal and an open objection.
      const { inquiry } = await call<{ inquiry: { id: string } }>(
        page.request,
        'post',
        `/api/workspaces/${ws.id}/inquiries`,
        {
          title: 'Why is Aurora slipping?',
          question: 'Why have Aurora sales fallen?',
          participantIds: [milo.id],
          fitCheck: {
            answers: {
              answerKnown: 'no',
              routine: 'no',
              newToEveryone: 'yes',
              goalUnclear: 'yes',
              needsPerspectives: 'yes',
              stakes: 'high',
              time: 'weeks',
            },
          },
        },
      );
      const base = `/api/inquiries/${inquiry.id}`;
      const move = (phase: string) => call(page.request, 'post', `${base}/phase`, { phase });
      await move('exploring');
      const q = await apiPost(page.request, inquiry.id, {
        kind: 'question',
        body: 'Which customers left first?',
      });
      const h = await apiPost(other.request, inquiry.id, {
        kind: 'hypothesis',
        body: 'The price rise hit **small shops**.',
        links: [{ toId: q.id, kind: 'answers' }],
      });
      await move('challenging');
      await move('synthesizing');
      await call(page.request, 'post', `${base}/conclusion`, {
        text: 'Small shops left because onboarding is slow.',
        restsOn: [q.id, h.id],
      });
      await call(page.request, 'post', `${base}/conclusion`, {
        text: 'Small shops left because **onboarding** takes two weeks.',
        restsOn: [h.id],
      });
      const { conclusion } = await call<{ conclusion: { proposal: { objections: { id: string }[] } } }>(
        other.request,
        'post',
        `${base}/conclusion/objections`,
        {
          reason: 'We have not looked at mid-size shops.',
        },
      );
      await page.goto(`/i/${inquiry.id}`);
      const panel = page.getByRole('region', { name: 'Conclusion by consent' });
      await expect(panel.getByRole('article', { name: /Objection by Milo Member/ })).toBeVisible();
      await panel.getByRole('button', { name: 'History' }).click();
      await expectAccessible(page, 'board synthesizing: conclusion with an objection and its history');
      await panel.getByRole('button', { name: 'Answer', exact: true }).click();
      await panel.getByRole('button', { name: 'Object', exact: true }).click();
      await expectAccessible(page, 'conclusion: answer and objection forms');
      await panel.getByRole('button', { name: 'Propose a new version' }).click();
      await expect(page.getByRole('dialog', { name: 'Propose version 3' })).toBeVisible();
      await page.getByRole('combobox', { name: 'The notes it rests on' }).click();
      await expectAccessible(page, 'conclusion editor with the note picker open');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      // Answered, consented, adopted: then reflecting, with my reflection half written.
      const objectionId = conclusion.proposal.objections[0]?.id ?? '';
      await call(page.request, 'post', `${base}/conclusion/objections/${objectionId}/answer`, {
        response: 'Mid-size shops churned at the usual rate.',
      });
      await call(other.request, 'post', `${base}/conclusion/objections/${objectionId}/stand`);
      await call(page.request, 'post', `${base}/conclusion/endorse`);
      await page.reload();
      await expect(panel.getByRole('button', { name: 'Adopt the conclusion' })).toBeVisible();
      await expectAccessible(page, 'conclusion ready to adopt');
      await call(other.request, 'post', `${base}/conclusion/adopt`);
      await move('reflecting');
      await page.reload();
      const form = page.getByRole('form', { name: 'My reflection' });
      await form.getByLabel('What did I learn?').fill('That onboarding matters.');
      await form.getByLabel('The conclusion in my own words').fill('Onboarding, not price.');
      await expect(page.getByTestId('teach-back-count')).toContainText('3 words');
      await expectAccessible(page, `board reflecting: reflection form (${me.name})`);
      await form.getByRole('button', { name: 'Save draft' }).click();
      await expect(page.getByRole('article', { name: /Fiona Facilitator \(you\): draft/ })).toBeVisible();
      // Measured once the confirmation toast has gone.
      await expect(page.getByText('Draft saved')).toBeHidden();
      await expectAccessible(page, 'board reflecting: a draft saved');

      // Concluded: the summary.
      await call(other.request, 'put', `${base}/reflections/mine`, {
        learned: 'Churn follows onboarding.',
        stillUnclear: 'Mid-size shops.',
        keep: 'Hypotheses first.',
        change: 'Data earlier.',
        teachBack:
          'Small shops left because starting with Aurora took them about two weeks, which they cannot afford, and the price rise only happened at the same time.',
      });
      await move('concluded');
      await page.reload();
      await expect(page.getByRole('heading', { name: 'What the group concluded' })).toBeVisible();
      await expectAccessible(page, 'concluded: summary');
      await other.close();
    });

    test('participation: knowledge map, people panel, subtasks', async ({ page, browser }) => {
      test.setTimeout(240_000);
      await apiSignUp(page.request, 'Fiona Facilitator');
      const ws = await apiWorkspace(page.request, 'Axe Partners');
      const invitation = await apiInvite(page.request, ws.id, uniqueEmail('mina'));
      const other = await browser.newContext();
      const mina = await apiSignUp(other.request, 'Mina Member', invitation.email);
      expect((await other.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
      const create = async (data: object) => {
        const res = await page.request.post(`/api/workspaces/${ws.id}/inquiries`, { data });
        expect(res.ok(), await res.text()).toBe(true);
        return ((await res.json()) as { inquiry: { id: string } }).inquiry;
      };
      const inquiry = await create({
        title: 'Mapped',
        question: 'What do we know?',
        participantIds: [mina.id],
        allowAnonymous: true,
      });
      expect(
        (
          await page.request.patch(`/api/inquiries/${inquiry.id}/participants/${mina.id}`, {
            data: { perspective: 'finance' },
          })
        ).ok(),
      ).toBe(true);
      const q = await apiPost(page.request, inquiry.id, { kind: 'question', body: 'Who left first?' });
      const h = await apiPost(other.request, inquiry.id, {
        kind: 'hypothesis',
        body: 'Small shops, after the price rise.',
        links: [{ toId: q.id, kind: 'answers' }],
      });
      await apiPost(page.request, inquiry.id, {
        kind: 'evidence',
        body: '41% of churn.',
        links: [{ toId: h.id, kind: 'supports' }],
      });
      await apiPost(other.request, inquiry.id, {
        kind: 'assumption',
        body: 'Two rivals only.',
        links: [{ toId: h.id, kind: 'challenges' }],
      });
      await apiPost(other.request, inquiry.id, {
        kind: 'unknown',
        body: 'Onboarding time?',
        anonymous: true,
      });
      expect((await page.request.put(`/api/contributions/${h.id}/acknowledgement`)).ok()).toBe(true);

      await page.goto(`/i/${inquiry.id}/map`);
      await expect(page.getByRole('link', { name: /^Hypothesis by Mina Member/ })).toBeVisible();
      await expectAccessible(page, 'knowledge map');
      await page
        .getByRole('group', { name: 'Kinds' })
        .locator('label')
        .filter({ hasText: /^Question$/ })
        .click();
      await expect(page.getByRole('link', { name: /^Hypothesis by Mina Member/ })).toHaveCount(0);
      await expectAccessible(page, 'knowledge map, filtered');

      await page.goto(`/i/${inquiry.id}/people`);
      await expect(page.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveCount(2);
      await expectAccessible(page, 'people panel');

      await page.goto(`/i/${inquiry.id}`);
      await expect(page.getByRole('button', { name: /^This helped me/ }).first()).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expectAccessible(page, 'board with "this helped me" and lenses');

      const coop = await create({
        title: 'Split',
        question: 'Which suppliers stay?',
        mode: 'cooperative',
        participantIds: [mina.id],
      });
      const res = await page.request.post(`/api/inquiries/${coop.id}/subtasks`, {
        data: { title: 'Price comparison', detail: 'Compare **three** quotes.', assigneeId: mina.id },
      });
      expect(res.ok()).toBe(true);
      const { subtask } = (await res.json()) as { subtask: { id: string } };
      await page.request.post(`/api/inquiries/${coop.id}/subtasks`, {
        data: { title: 'Delivery record', assigneeId: mina.id, dueDate: '2020-01-01' },
      });
      expect(
        (
          await other.request.patch(`/api/subtasks/${subtask.id}`, {
            data: { status: 'done', result: 'Supplier **B** is cheapest.' },
          })
        ).ok(),
      ).toBe(true);
      await page.goto(`/i/${coop.id}`);
      await expect(page.getByRole('region', { name: 'Assembly' })).toContainText('1 of 2 results');
      await expectAccessible(page, 'cooperative board: subtasks and assembly');
      await page.getByRole('button', { name: 'Add a subtask' }).click();
      await expect(page.getByRole('form', { name: 'Add subtask' })).toBeVisible();
      await expectAccessible(page, 'subtask form');

      // The member's own view: reporting a result.
      const mine = await other.newPage();
      await mine.goto(`/i/${coop.id}`);
      await mine.getByRole('button', { name: 'Report a result' }).click();
      await expect(mine.getByRole('textbox', { name: 'Result' })).toBeVisible();
      await expectAccessible(mine, 'subtask result form');
      await other.close();
    });
  });
}
