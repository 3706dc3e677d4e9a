import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { apiInvite, apiSignUp, apiWorkspace, card, writeNote } from './helpers.js';

// The collaborative-learning mechanics end to end, in the browsers of the people who live them: the fit
// check while framing, a gate that waits for everyone, the conclusion adopted by the group's consent
// (not the manager's say-so), and each member's reflection before the inquiry concludes.

const LIVE = { timeout: 30_000 };

type FitAnswer = [question: RegExp, answer: string];

/** Answers leading to "collaborative": nobody has the answer, and it is new, unclear and many-sided. */
const NOVEL: FitAnswer[] = [
  [/answer already known/, 'No'],
  [/routine or simple/, 'No'],
  [/new to everyone/, 'Yes'],
  [/goal, or the cause/, 'Yes'],
  [/several perspectives/, 'Yes'],
  [/How much is at stake/, 'High'],
  [/How much time/, 'Weeks'],
];

async function answerFitCheck(page: Page, answers: FitAnswer[]) {
  for (const [question, answer] of answers) {
    const group = page.getByRole('radiogroup', { name: question });
    // The options are radios whose inputs are visually hidden: pick one by its label, as a person does.
    await group
      .locator('label')
      .filter({ hasText: new RegExp(`^${answer}$`) })
      .click();
    await expect(group.getByRole('radio', { name: answer, exact: true })).toBeChecked();
  }
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
  return { context, user, page: await context.newPage() };
}

/**
 * Someone else's note arrives: on the board at once, or — if this reader has scrolled down — behind the
 * "new notes" pill, which brings it in.
 */
async function expectOthersNote(page: Page, text: string) {
  const pill = page.getByRole('button', { name: /^\d+ new notes?$/ });
  await expect(card(page, text).or(pill).first()).toBeVisible(LIVE);
  if (await pill.isVisible()) await pill.click();
  await expect(card(page, text)).toBeVisible();
}

function conclusionPanel(page: Page) {
  return page.getByRole('region', { name: /Conclusion by consent|The group’s conclusion/ });
}

function voice(page: Page, name: string) {
  return conclusionPanel(page)
    .getByRole('list', { name: 'Consent by participant' })
    .getByRole('listitem')
    .filter({ hasText: name });
}

test('a whole collaborative inquiry: fit check, a gate that waits for everyone, consent, reflections', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const facilitatorCtx = await browser.newContext();
  await apiSignUp(facilitatorCtx.request, 'Maria Keller');
  const ws = await apiWorkspace(facilitatorCtx.request, 'Northwind Trading');
  const jonas = await member(browser, facilitatorCtx.request, ws.id, 'Jonas Berg');
  const bea = await member(browser, facilitatorCtx.request, ws.id, 'Bea Lindqvist');
  const f = await facilitatorCtx.newPage();
  const j = jonas.page;
  const b = bea.page;

  // --- Framing, with the fit check: the answers point at collaboration, and the mode follows.
  await f.goto(`/w/${ws.id}/new`);
  await f.getByLabel('Title').fill('Why is Aurora slipping?');
  await f
    .getByLabel('The question')
    .fill('Why have Aurora sales fallen for three quarters while the rest grew?');
  await expect(f.getByText('Answer the seven questions to get a recommendation')).toBeVisible();
  await answerFitCheck(f, NOVEL);
  const recommendation = f.getByTestId('fit-recommendation');
  await expect(recommendation).toContainText('Collaborative: learn it together');
  await expect(recommendation).toContainText('It is new to everyone');
  await expect(recommendation).toContainText('the authority shifts to the group');
  await expect(f.getByRole('radio', { name: /^Collaborative/ })).toBeChecked();
  await expect(f.getByLabel(/^Why .* rather than/)).toHaveCount(0);
  const participants = f.getByRole('combobox', { name: 'Participants' });
  await participants.fill('Jonas');
  await f.getByRole('option', { name: 'Jonas Berg' }).click();
  await participants.fill('Bea');
  await f.getByRole('option', { name: 'Bea Lindqvist' }).click();
  await f.keyboard.press('Escape');
  await f.getByRole('button', { name: 'Start the inquiry' }).click();
  await expect(f).toHaveURL(/\/i\/[0-9a-f-]+$/);
  const board = new URL(f.url()).pathname;

  // The board keeps the fit check with the framing.
  await f.getByRole('button', { name: 'Fit check' }).click();
  await expect(f.getByText('The fit check recommended')).toBeVisible();
  await expect(f.getByText('Run as recommended: collaborative.')).toBeVisible();

  // --- Exploring: one note is enough to move on to challenging.
  await f.getByRole('button', { name: 'Move to exploring' }).click();
  await expect(f.getByRole('button', { name: 'Move to challenging' })).toBeVisible();
  await j.goto(board);
  await b.goto(board);
  const hypothesis = 'The March price rise pushed Aurora over the budget of small shops.';
  await j.getByRole('button', { name: 'New note' }).click();
  await writeNote(j, 'Hypothesis', hypothesis);
  await expectOthersNote(f, hypothesis);
  await f.getByRole('button', { name: 'Move to challenging' }).click();
  await expect(f.getByRole('button', { name: 'Move to synthesizing' })).toBeVisible();
  await expect(f.getByText(/Before synthesizing, waiting for/)).toBeVisible();

  // --- The gate into synthesizing waits for every participant: the facilitator's move is refused.
  await f.getByRole('button', { name: 'Move to synthesizing' }).click();
  const refusal = f.getByRole('dialog', { name: 'Move to synthesizing anyway?' });
  await expect(refusal).toContainText('cannot move to synthesizing yet');
  await refusal.getByRole('button', { name: 'Wait for the group' }).click();
  const waiting = f.getByText(/Before synthesizing, waiting for/);
  await expect(waiting).toContainText('Bea Lindqvist');
  await expect(waiting).toContainText('Jonas Berg');
  await expect(waiting).toContainText('build on or challenge');

  // Bea challenges Jonas's hypothesis with evidence; Jonas builds on Bea's evidence.
  const evidence = 'Q3 churn: 41% of cancellations came from shops under 5 staff, most in their first month.';
  await expectOthersNote(b, hypothesis);
  await card(b, hypothesis)
    .getByRole('button', { name: /^Reply/ })
    .click();
  await b
    .getByRole('dialog')
    .locator('label')
    .filter({ hasText: /^Challenges$/ })
    .click();
  await writeNote(b, 'Evidence', evidence);
  await expectOthersNote(j, evidence);
  const insight = 'Onboarding time, not price, predicts who leaves: the slow starters churned first.';
  await card(j, evidence)
    .getByRole('button', { name: /^Reply/ })
    .click();
  await writeNote(j, 'Insight', insight);

  // Now the gate is open.
  await expect(f.getByText('Ready for synthesizing.')).toBeVisible(LIVE);
  await f.getByRole('button', { name: 'Move to synthesizing' }).click();
  await expect(conclusionPanel(f)).toBeVisible();
  await expect(conclusionPanel(f)).toContainText('cannot adopt it alone');

  // --- Synthesizing: Jonas proposes a conclusion resting on notes from the board.
  await expect(conclusionPanel(j)).toBeVisible(LIVE);
  await conclusionPanel(j).getByRole('button', { name: 'Propose a conclusion' }).click();
  const editor = j.getByRole('dialog', { name: 'Propose a conclusion' });
  const conclusion =
    'Aurora lost **small shops** because onboarding takes them two weeks, not because of the March price rise.';
  await editor.getByLabel('The conclusion').fill(conclusion);
  const notes = editor.getByRole('combobox', { name: 'The notes it rests on' });
  await notes.fill('41%');
  await j.getByRole('option', { name: /41% of cancellations/ }).click();
  await notes.fill('Onboarding time');
  await j.getByRole('option', { name: /Onboarding time, not price/ }).click();
  await j.keyboard.press('Escape');
  await editor.getByRole('button', { name: 'Propose to the group' }).click();
  await expect(editor).toBeHidden();
  await expect(conclusionPanel(j)).toContainText('Rests on 2 notes');

  // Bea objects, with a reason.
  await expect(conclusionPanel(b)).toContainText('Aurora lost small shops', LIVE);
  await expect(voice(b, 'Bea Lindqvist')).toContainText('Waiting');
  await conclusionPanel(b).getByRole('button', { name: 'Object', exact: true }).click();
  await conclusionPanel(b)
    .getByLabel('Why do you object?')
    .fill('We only looked at shops under 5 staff; mid-size shops churned too.');
  await conclusionPanel(b).getByRole('button', { name: 'Record my objection' }).click();
  await expect(voice(b, 'Bea Lindqvist')).toContainText('Objection open');

  // The facilitator cannot adopt it: there is no such button while the group has not consented.
  const objection = conclusionPanel(f).getByRole('article', { name: /Objection by Bea Lindqvist/ });
  await expect(objection).toBeVisible(LIVE);
  await expect(conclusionPanel(f)).toContainText('1 objection is waiting for an answer');
  await expect(conclusionPanel(f).getByRole('button', { name: 'Adopt the conclusion' })).toHaveCount(0);

  // The facilitator answers the objection.
  await objection.getByRole('button', { name: 'Answer', exact: true }).click();
  await objection
    .getByLabel('Your answer to Bea Lindqvist')
    .fill(
      'Mid-size shops churned at the usual rate in the same export; the conclusion is about small shops.',
    );
  await objection.getByRole('button', { name: 'Send answer' }).click();
  await expect(objection).toContainText('Answered');

  // Bea lets it stand: heard, still on record, no longer blocking.
  const beasObjection = conclusionPanel(b).getByRole('article', { name: /Objection by Bea Lindqvist/ });
  await expect(beasObjection).toContainText('Answer from Maria Keller', LIVE);
  await beasObjection.getByRole('button', { name: 'Let it stand' }).click();
  await expect(beasObjection).toContainText('Stands, answered');
  await expect(voice(b, 'Bea Lindqvist')).toContainText('Objection answered');

  // Jonas and the facilitator endorse; the group can now adopt.
  await conclusionPanel(j).getByRole('button', { name: 'Endorse', exact: true }).click();
  await expect(voice(j, 'Jonas Berg')).toContainText('Endorsed');
  await expect(conclusionPanel(f)).toContainText('Waiting for you to endorse or object', LIVE);
  await conclusionPanel(f).getByRole('button', { name: 'Endorse', exact: true }).click();
  await expect(voice(f, 'Maria Keller')).toContainText('Endorsed');
  await expect(conclusionPanel(j)).toContainText('Everyone has consented', LIVE);
  await conclusionPanel(j).getByRole('button', { name: 'Adopt the conclusion' }).click();
  await expect(conclusionPanel(j)).toContainText('Adopted by the group’s consent');
  await expect(conclusionPanel(f)).toContainText('Adopted by the group’s consent', LIVE);

  // --- Reflecting.
  await expect(f.getByText('Ready for reflecting.')).toBeVisible(LIVE);
  await f.getByRole('button', { name: 'Move to reflecting' }).click();
  const reflections = (p: Page) => p.getByRole('region', { name: 'Reflections', exact: true });
  await expect(reflections(f)).toBeVisible();
  await expect(reflections(f)).toContainText('Still waiting for 2 reflections');

  const teachBack =
    'Small shops left because getting started with Aurora took them about two weeks, which they cannot afford; ' +
    'the price rise came at the same time, so we blamed it first, but the churn data points at onboarding.';
  async function reflect(page: Page, learned: string, complete: boolean) {
    const form = page.getByRole('form', { name: 'My reflection' });
    await expect(form).toBeVisible(LIVE);
    await form.getByLabel('What did I learn?').fill(learned);
    await form.getByLabel('What do I still not understand?').fill('Whether larger shops react the same way.');
    await form.getByLabel('One thing to keep').fill('Posting hunches as hypotheses before arguing for them.');
    if (!complete) {
      await form.getByLabel('The conclusion in my own words').fill('Onboarding, not price.');
      await expect(page.getByTestId('teach-back-count')).toHaveText('3 words of at least 20');
      await expect(form).toContainText('Answer “One thing to change”.');
      await form.getByRole('button', { name: 'Save draft' }).click();
      return;
    }
    await form.getByLabel('One thing to change').fill('Bring the support data in at the start.');
    await form.getByLabel('The conclusion in my own words').fill(teachBack);
    await expect(page.getByTestId('teach-back-count')).toContainText('long enough');
    await expect(form).toContainText('Complete: every answer says something');
    await form.getByRole('button', { name: 'Save reflection' }).click();
  }

  await reflect(j, 'That churn follows onboarding time much more closely than price.', true);
  await expect(
    reflections(j).getByRole('article', { name: 'Reflection by Jonas Berg (you): complete' }),
  ).toBeVisible();
  await reflect(b, 'That I had been anchoring on price.', false);
  await expect(
    reflections(b).getByRole('article', { name: /Reflection by Bea Lindqvist \(you\): draft/ }),
  ).toBeVisible();

  // Everyone sees everyone's reflection, and who the group still waits for.
  await expect(
    reflections(f).getByRole('article', { name: 'Reflection by Jonas Berg: complete' }),
  ).toBeVisible(LIVE);
  const stillWaiting = reflections(f).getByRole('list', { name: 'Who the group is waiting for' });
  await expect(stillWaiting).toContainText('Bea Lindqvist', LIVE);
  await expect(stillWaiting).not.toContainText('Jonas Berg');
  await expect(f.getByText(/Before concluded, waiting for: Bea Lindqvist/)).toBeVisible(LIVE);

  await b
    .getByRole('form', { name: 'My reflection' })
    .getByLabel('One thing to change')
    .fill('Bring the data in earlier.');
  await b
    .getByRole('form', { name: 'My reflection' })
    .getByLabel('The conclusion in my own words')
    .fill(teachBack.replace('about two weeks', 'two weeks or more'));
  await b.getByRole('button', { name: 'Save reflection' }).click();
  await expect(
    reflections(b).getByRole('article', { name: /Bea Lindqvist \(you\): complete/ }),
  ).toBeVisible();

  // --- Concluded: the adopted conclusion and the reflections stay as a summary.
  await expect(f.getByText('Ready for concluded.')).toBeVisible(LIVE);
  await f.getByRole('button', { name: 'Move to concluded' }).click();
  await expect(f.getByRole('heading', { name: 'What the group concluded' })).toBeVisible();
  await expect(conclusionPanel(f)).toContainText('Adopted by the group’s consent');
  await expect(reflections(f).getByRole('article', { name: /complete/ })).toHaveCount(2);
  await expect(j.getByRole('heading', { name: 'What the group concluded' })).toBeVisible(LIVE);

  await facilitatorCtx.close();
  await jonas.context.close();
  await bea.context.close();
});

test('choosing another mode than the fit check recommends needs a reason', async ({ page }) => {
  await apiSignUp(page.request, 'Olga Owner');
  const ws = await apiWorkspace(page.request, 'Override Ltd');
  await page.goto(`/w/${ws.id}/new`);
  await page.getByLabel('Title').fill('Nordic entry');
  await page.getByLabel('The question').fill('How do we enter the Nordic market?');
  await answerFitCheck(page, NOVEL);
  await expect(page.getByTestId('fit-recommendation')).toContainText('Collaborative: learn it together');

  // Against the recommendation: a reason is asked for, and the server refuses the inquiry without one.
  await page.getByRole('radio', { name: /^Cooperative/ }).click();
  const reason = page.getByLabel(/Why cooperative rather than collaborative\?/);
  await expect(reason).toBeVisible();
  await page.getByRole('button', { name: 'Start the inquiry' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/to run it as cooperative, write a short reason/)).toBeVisible();
  await expect(page).toHaveURL(/\/new$/);

  await reason.fill(
    'The board decides on Friday: I will split the analysis and we revisit it together next month.',
  );
  await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Start the inquiry' }).click();
  await expect(page).toHaveURL(/\/i\/[0-9a-f-]+$/);

  // The override and its reason stay with the inquiry.
  await page.getByRole('button', { name: 'Fit check' }).click();
  await expect(page.getByText('Run as cooperative instead')).toBeVisible();
  await expect(page.getByText(/The board decides on Friday/)).toBeVisible();
  await expect(page.getByTestId('fit-recommendation')).toContainText('Collaborative: learn it together');
});
