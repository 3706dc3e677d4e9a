import { expect, test } from '@playwright/test';
import { apiInquiry, apiPost, apiSignUp, apiWorkspace } from './helpers.js';

// Notes are untrusted Markdown: whatever someone writes, no script runs in a teammate's browser and no
// javascript: link survives.

const HOSTILE = [
  'Looks harmless. <img src=x onerror="window.__pwned = true; alert(1)">',
  '<script>window.__pwned = true; alert(2)</script>',
  '[x](javascript:alert(1)) and [y](JaVaScRiPt:window.__pwned=true) and [z](java&#09;script:alert(3))',
  '<a href="javascript:alert(4)">raw link</a> <a href="data:text/html,<script>alert(5)</script>">data link</a>',
  '<svg onload="alert(6)"><circle r="5"/></svg> <iframe src="javascript:alert(7)"></iframe>',
  '<details open ontoggle="alert(8)"><summary>s</summary>d</details> <form action="javascript:alert(9)"><button>go</button></form>',
  '![pic](javascript:alert(10)) <div style="position:fixed;inset:0">overlay</div> **still bold**',
].join('\n\n');

test('hostile Markdown renders inert, on the board and in the preview', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __pwned: boolean }).__pwned = false;
  });

  await apiSignUp(page.request, 'Mallory Tester');
  const ws = await apiWorkspace(page.request, 'Safety Ltd');
  const inquiry = await apiInquiry(page.request, ws.id, { title: 'Safety', question: 'Does anything run?' });
  await apiPost(page.request, inquiry.id, { kind: 'idea', body: HOSTILE });

  await page.goto(`/i/${inquiry.id}`);
  const note = page.getByRole('article').filter({ hasText: 'Looks harmless.' });
  await expect(note).toBeVisible();
  await expect(note.locator('strong', { hasText: 'still bold' })).toBeVisible(); // Markdown still renders
  await page.waitForTimeout(500); // give any onerror/onload a chance to fire

  const md = note.locator('.md');
  await expect(md.locator('script, iframe, svg, form, style, object, embed')).toHaveCount(0);
  await expect(md.locator('[onerror], [onload], [ontoggle], [style]')).toHaveCount(0);
  const hrefs = await page
    .locator('a[href], img[src]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
  for (const href of hrefs)
    expect(href.replace(/\s/g, '').toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(false);

  // The same text in the composer's preview.
  await page.getByRole('button', { name: 'New note' }).click();
  const composer = page.getByRole('dialog');
  await composer.getByLabel('Your note').fill(HOSTILE);
  await composer.getByRole('tab', { name: 'Preview' }).click();
  await expect(composer.locator('strong', { hasText: 'still bold' })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(composer.locator('.md script, .md [onerror], .md a[href^="javascript" i]')).toHaveCount(0);

  // Clicking the neutered links goes nowhere dangerous.
  await page.keyboard.press('Escape');
  await note.getByText('x', { exact: true }).click();

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned)).toBe(false);
});
