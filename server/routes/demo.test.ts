import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../contract/accounts.js';
import type { ContributionList } from '../../contract/contributions.js';
import type { InquiryList } from '../../contract/inquiries.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { type OpenDatabase, openDatabase } from '../store/db.js';
import type { App } from './context.js';

// POST /api/demo through the real server on an ephemeral port, against a fresh database.

let dir: string;
let database: OpenDatabase;
let app: App;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'colearn-demo-api-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dir, DATABASE_URL: undefined });
  database = await openDatabase(config.database);
  app = (await buildApp(config, database)).app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signUp(email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Ada Newcomer', password: 'a long enough password' }),
  });
  expect(res.status).toBe(201);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('colearn_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

async function get<T>(path: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('POST /api/demo', () => {
  it('opens a private copy of the demo workspace, owned by the caller', async () => {
    const cookie = await signUp('ada@example.com');
    const res = await fetch(`${base}/api/demo`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(201);
    const { workspace } = (await res.json()) as { workspace: { id: string; name: string; role: string } };
    expect(workspace).toMatchObject({ name: 'Aurora Outdoor Co.', role: 'owner' });

    const me = await get<MeResponse>('/api/me', cookie);
    expect(me.workspaces).toContainEqual({ id: workspace.id, name: 'Aurora Outdoor Co.', role: 'owner' });

    const inquiries = await get<InquiryList>(`/api/workspaces/${workspace.id}/inquiries`, cookie);
    expect(inquiries.items.length).toBeGreaterThanOrEqual(3);
    const main = inquiries.items.find((i) => i.title === 'Aurora product line is losing customers');
    expect(main?.contributionCount).toBeGreaterThanOrEqual(40);

    const notes = await get<ContributionList>(`/api/inquiries/${main?.id}/contributions?limit=200`, cookie);
    expect(notes.items.length).toBe(main?.contributionCount);
    expect(notes.links.length).toBeGreaterThanOrEqual(40);
    // The owner wrote none of them, so anonymous notes show no author.
    const anonymous = notes.items.filter((n) => n.anonymous);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const n of anonymous) expect(n.author).toBeNull();
  });

  it('needs a session, and is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}/api/demo`, { method: 'POST' })).status);
    // The first test used one of the five calls a minute.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await fetch(`${base}/api/demo`, { method: 'POST' });
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
