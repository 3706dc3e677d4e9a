import { type APIRequestContext, type APIResponse, expect, type Page } from '@playwright/test';

// Shared steps for the end-to-end specs. The database lives across specs in one run, so every e-mail is
// unique.

export const PASSWORD = 'a long enough password';

let counter = 0;
export function uniqueEmail(who: string): string {
  counter += 1;
  return `${who}.${Date.now()}.${counter}@example.test`;
}

async function json<T>(res: APIResponse): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Ids {
  id: string;
}

/** Signs up through the API; the session cookie lands in the page's browser context. */
export async function apiSignUp(
  request: APIRequestContext,
  name: string,
  email = uniqueEmail(name.split(' ')[0] ?? 'user'),
) {
  const { user } = await json<{ user: Ids & { name: string; email: string } }>(
    await request.post('/api/auth/signup', { data: { email, name, password: PASSWORD } }),
  );
  return user;
}

export async function apiWorkspace(request: APIRequestContext, name: string): Promise<Ids> {
  return (await json<{ workspace: Ids }>(await request.post('/api/workspaces', { data: { name } })))
    .workspace;
}

export async function apiInvite(request: APIRequestContext, workspaceId: string, email: string) {
  return (
    await json<{ invitation: Ids & { token: string; url: string; email: string } }>(
      await request.post(`/api/workspaces/${workspaceId}/invitations`, { data: { email, role: 'member' } }),
    )
  ).invitation;
}

export async function apiInquiry(
  request: APIRequestContext,
  workspaceId: string,
  data: { title: string; question: string; allowAnonymous?: boolean; context?: string },
): Promise<Ids> {
  return (
    await json<{ inquiry: Ids }>(await request.post(`/api/workspaces/${workspaceId}/inquiries`, { data }))
  ).inquiry;
}

export async function apiPost(
  request: APIRequestContext,
  inquiryId: string,
  data: { kind: string; body: string; anonymous?: boolean; links?: { toId: string; kind: string }[] },
): Promise<Ids> {
  return (
    await json<{ contribution: Ids }>(
      await request.post(`/api/inquiries/${inquiryId}/contributions`, { data }),
    )
  ).contribution;
}

/** Fills the sign-up card (the page must be on it) and submits. */
export async function signUpInForm(page: Page, name: string, email: string) {
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Writes a note with the composer, which must be open. */
export async function writeNote(
  page: Page,
  kind: string,
  body: string,
  opts: { anonymous?: boolean; submit?: 'button' | 'keys' } = {},
) {
  const composer = page.getByRole('dialog');
  await expect(composer).toBeVisible();
  // The kind chips are radios whose inputs are visually hidden: pick one by its label, as a person does.
  await composer
    .locator('label')
    .filter({ hasText: new RegExp(`^${kind}$`) })
    .click();
  await expect(composer.getByRole('radio', { name: kind, exact: true })).toBeChecked();
  await composer.getByLabel('Your note').fill(body);
  if (opts.anonymous) await composer.getByLabel('Post anonymously').check();
  if (opts.submit === 'keys') await composer.getByLabel('Your note').press('Control+Enter');
  else await composer.getByRole('button', { name: 'Post' }).click();
  await expect(composer).toBeHidden();
}

/** The card on the board whose own text (not a reply beneath it) contains `text`. */
export function card(page: Page, text: string) {
  return page.getByRole('article').filter({ has: page.locator(':scope > .md', { hasText: text }) });
}

/** The text of the newest mail to `to` in the e2e mailbox (scripts/e2e-server.mjs), waiting for it to arrive. */
export async function readMail(to: string, timeoutMs = 30_000): Promise<string> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = `.test-output/mailbox-${process.env.E2E_PORT ?? '3100'}`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = readdirSync(dir)
      .sort()
      .reverse()
      .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { to: string[]; raw: string })
      .find((m) => m.to.includes(to));
    if (found) return decodeMailBody(found.raw);
    if (Date.now() > end) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A plain-text mail's body, quoted-printable undone (how nodemailer writes long lines). */
function decodeMailBody(raw: string): string {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
