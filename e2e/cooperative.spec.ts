import { expect, type Page, test } from '@playwright/test';
import { apiInvite, apiSignUp, apiWorkspace, uniqueEmail } from './helpers.js';

// A cooperative inquiry from subtasks to assembly: the facilitator splits the task between two members,
// each reports a result, and the facilitator sees both side by side as the input of the assembly.

async function addSubtask(page: Page, title: string, assignee: string, detail: string) {
  const panel = page.getByRole('region', { name: 'Subtasks' });
  await panel.getByRole('button', { name: 'Add a subtask' }).click();
  const form = panel.getByRole('form', { name: 'Add subtask' });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('textbox', { name: 'Detail' }).fill(detail);
  await form.getByRole('combobox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: assignee }).click();
  await form.getByLabel('Due date').fill('2031-03-15');
  await form.getByRole('button', { name: 'Add subtask' }).click();
  await expect(form).toBeHidden();
  await expect(panel.getByRole('listitem', { name: `Subtask: ${title}` })).toBeVisible();
}

async function report(page: Page, title: string, result: string) {
  const panel = page.getByRole('region', { name: 'Subtasks' });
  const task = panel.getByRole('listitem', { name: `Subtask: ${title}` });
  await expect(task).toBeVisible({ timeout: 15_000 });
  await task.getByText('Doing', { exact: true }).click();
  await expect(task.getByRole('radio', { name: 'Doing' })).toBeChecked();
  await task.getByRole('button', { name: 'Report a result' }).click();
  await task.getByRole('textbox', { name: 'Result' }).fill(result);
  await task.getByRole('button', { name: 'Save result' }).click();
  await task.getByText('Done', { exact: true }).click();
  await expect(task.getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(task.getByText(result.replace(/\*\*/g, ''))).toBeVisible();
}

test('cooperative inquiry: split into subtasks, each member reports, the facilitator assembles', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const fac = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ann = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ben = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await apiSignUp(fac.request, 'Faye Lead');
  const ws = await apiWorkspace(fac.request, 'Coop Ltd');
  const members = [];
  for (const [ctx, name] of [
    [ann, 'Ann Analyst'],
    [ben, 'Ben Buyer'],
  ] as const) {
    const invitation = await apiInvite(fac.request, ws.id, uniqueEmail(name.split(' ')[0] ?? 'm'));
    members.push(await apiSignUp(ctx.request, name, invitation.email));
    expect((await ctx.request.post(`/api/invitations/${invitation.token}/accept`)).ok()).toBe(true);
  }
  const res = await fac.request.post(`/api/workspaces/${ws.id}/inquiries`, {
    data: {
      title: 'Q3 supplier review',
      question: 'Which suppliers do we keep for Q3?',
      mode: 'cooperative',
      participantIds: members.map((m) => m.id),
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const inquiry = ((await res.json()) as { inquiry: { id: string } }).inquiry;

  // The facilitator sees what cooperative means, and splits the task.
  const lead = await fac.newPage();
  await lead.goto(`/i/${inquiry.id}`);
  await expect(
    lead.getByText(
      'Cooperative: the facilitator splits the task and keeps the authority; each assignee delivers a result; the facilitator assembles them.',
    ),
  ).toBeVisible();
  await addSubtask(lead, 'Price comparison', 'Ann Analyst', 'Compare the **three** quotes.');
  await addSubtask(lead, 'Delivery record', 'Ben Buyer', 'On-time rate per supplier, last 12 months.');
  const assembly = lead.getByRole('region', { name: 'Assembly' });
  await expect(assembly).toContainText('0 of 2 results delivered so far.');

  // Each member sees their own subtask and reports on it; they cannot split or delete.
  const annPage = await ann.newPage();
  await annPage.goto(`/i/${inquiry.id}`);
  const annPanel = annPage.getByRole('region', { name: 'Subtasks' });
  await expect(annPanel).toContainText('1 assigned to you');
  await expect(annPanel.getByRole('button', { name: 'Add a subtask' })).toHaveCount(0);
  // Ben's subtask is there to see, without the controls.
  const bensTask = annPanel.getByRole('listitem', { name: 'Subtask: Delivery record' });
  await expect(bensTask.getByRole('button', { name: 'Report a result' })).toHaveCount(0);
  await report(annPage, 'Price comparison', 'Supplier **B** is 12% cheaper than A and C.');

  const benPage = await ben.newPage();
  await benPage.goto(`/i/${inquiry.id}`);
  await report(benPage, 'Delivery record', 'A: 97% on time, B: 81%, C: 93%.');
  // Nothing scrolls sideways on a phone.
  expect(await benPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The facilitator sees both results side by side, live, as the input of the assembly.
  await expect(assembly).toContainText('Every result is in.', { timeout: 15_000 });
  await expect(assembly.getByRole('region', { name: 'Result of Price comparison' })).toContainText(
    'Supplier B is 12% cheaper than A and C.',
  );
  await expect(assembly.getByRole('region', { name: 'Result of Delivery record' })).toContainText(
    'A: 97% on time, B: 81%, C: 93%.',
  );
  const panel = lead.getByRole('region', { name: 'Subtasks' });
  await expect(panel).toContainText('2 of 2 done');
  await expect(assembly.getByRole('button', { name: 'Go to the conclusion' })).toBeVisible();

  await fac.close();
  await ann.close();
  await ben.close();
});
