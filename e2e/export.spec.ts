import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiInquiry, apiPost, apiSignUp, apiWorkspace } from './helpers.js';

// Taking an inquiry away: the board's Export menu downloads the files, and the print page renders the
// same document ready for paper or PDF.

test('downloads the notes as CSV and prints the inquiry as a document', async ({ page }) => {
  await apiSignUp(page.request, 'Ella Exporter');
  const ws = await apiWorkspace(page.request, 'Export Ltd');
  const inquiry = await apiInquiry(page.request, ws.id, {
    title: 'Returns in spring',
    question: 'Why did returns double in March?',
  });
  const question = await apiPost(page.request, inquiry.id, {
    kind: 'question',
    body: 'Which sizes come back?',
  });
  await apiPost(page.request, inquiry.id, {
    kind: 'evidence',
    body: 'Size M is **half** of all returns',
    links: [{ toId: question.id, kind: 'answers' }],
  });

  await page.goto(`/i/${inquiry.id}`);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Notes (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Returns in spring-notes.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toContain('id,kind,state');
  expect(csv).toContain('Size M is **half** of all returns');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Print or save as PDF' }).click();
  await expect(page).toHaveURL(new RegExp(`/i/${inquiry.id}/print$`));
  const doc = page.getByRole('article', { name: 'Printable inquiry' });
  await expect(doc.getByRole('heading', { level: 1, name: 'Returns in spring' })).toBeVisible();
  await expect(doc.getByRole('heading', { name: 'The conversation' })).toBeVisible();
  // The note's own Markdown is rendered, under the question it answers.
  await expect(doc.locator('blockquote strong', { hasText: 'half' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(doc).toBeVisible();
});
