import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import tar from 'tar-stream';
import { apiInquiry, apiPost, apiSignUp, apiWorkspace, uniqueEmail } from './helpers.js';

// A whole workspace to one archive and back (#6): an owner downloads the archive from the settings page;
// someone else imports it from "Create a workspace" and lands on the imported workspace. One instance
// cannot take the same workspace twice (its ids are taken), so the archive imported is a true copy: the
// downloaded file with every id swapped for a new one — what exporting from another instance would give.

async function untar(gzipped: Buffer): Promise<[string, Buffer][]> {
  const files: [string, Buffer][] = [];
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.push([entry.header.name, Buffer.concat(chunks)]);
    }
  })();
  extract.end(gunzipSync(gzipped));
  await done;
  return files;
}

async function tarGz(files: [string, Buffer][]): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, data] of files) pack.entry({ name }, data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

/**
 * The same workspace as another instance would hold it: every id new, and its people with e-mails nobody
 * has here (an upload may name no existing account but the uploader's own).
 */
async function copyFromElsewhere(archive: Buffer, emails: ReadonlyMap<string, string>): Promise<Buffer> {
  const fresh = new Map<string, string>();
  const swap = (text: string) =>
    [...emails].reduce(
      (t, [from, to]) => t.replaceAll(from, to),
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!fresh.has(id)) fresh.set(id, randomUUID());
        return fresh.get(id) as string;
      }),
    );
  const files = await untar(archive);
  return tarGz(
    files.map(([name, data]) => [swap(name), name.endsWith('.bin') ? data : Buffer.from(swap(String(data)))]),
  );
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(bad).toEqual([]);
}

test('an owner downloads the workspace archive and another person imports a copy of it', async ({
  page,
  browser,
}) => {
  const owner = await apiSignUp(page.request, 'Olga Owner');
  const ws = await apiWorkspace(page.request, 'Archive Ltd');
  const inquiry = await apiInquiry(page.request, ws.id, {
    title: 'Why did returns double?',
    question: 'Why did returns double in March?',
    allowAnonymous: true,
  });
  await apiPost(page.request, inquiry.id, { kind: 'hypothesis', body: 'The size chart is wrong.' });
  await apiPost(page.request, inquiry.id, {
    kind: 'evidence',
    body: 'Size M is half of all returns.',
    anonymous: true,
  });

  await page.goto(`/w/${ws.id}/settings`);
  await expect(page.getByRole('heading', { name: 'Backup' })).toBeVisible();
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download workspace archive' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^colearn-Archive Ltd-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const archive = await readFile(await download.path());
  const names = (await untar(archive)).map(([name]) => name);
  expect(names[0]).toBe('manifest.json');
  expect(names).toContain('contributions/00001.ndjson');

  // Someone else, on "Create a workspace", imports a copy of it.
  const dir = await mkdtemp(join(tmpdir(), 'colearn-e2e-archive-'));
  const file = join(dir, 'copy.tar.gz');
  await writeFile(
    file,
    await copyFromElsewhere(archive, new Map([[owner.email, uniqueEmail('olga.elsewhere')]])),
  );
  const context = await browser.newContext();
  const other = await context.newPage();
  await apiSignUp(other.request, 'Ivan Importer');
  await other.goto('/new-workspace');
  const card = other.getByRole('heading', { name: 'Import a workspace archive' });
  await expect(card).toBeVisible();
  await expectAccessible(other);
  // Nothing chosen: said so, nothing sent.
  await other.getByRole('button', { name: 'Import workspace' }).click();
  await expect(other.getByRole('alert')).toContainText('Choose the archive file first.');
  await other.locator('input[type="file"]').setInputFiles(file);
  await other.getByRole('button', { name: 'Import workspace' }).click();
  await expect(other).toHaveURL(/\/w\/[0-9a-f-]{36}$/);
  expect(other.url()).not.toContain(ws.id);
  await expect(other.getByText('Why did returns double?').first()).toBeVisible();

  // A copy naming Olga's account here (a forged archive could put words in her mouth): refused.
  await other.goto('/new-workspace');
  await writeFile(file, await copyFromElsewhere(archive, new Map()));
  await other.locator('input[type="file"]').setInputFiles(file);
  await other.getByRole('button', { name: 'Import workspace' }).click();
  await expect(other.getByRole('alert')).toContainText('already has an account here');

  // The original, again, on this instance: refused with words a person understands.
  await other.goto('/new-workspace');
  await writeFile(file, archive);
  await other.locator('input[type="file"]').setInputFiles(file);
  await other.getByRole('button', { name: 'Import workspace' }).click();
  await expect(other.getByRole('alert')).toContainText('already on this instance');
  await context.close();
});
