// Seeding the live benchmark through the HTTP API, as people would: an owner, a workspace, one inquiry,
// writer and reader accounts invited and accepted, one warm-up note per writer (so their
// participant.joined events are out of the way before anything is measured).

export interface Seeded {
  workspaceId: string;
  inquiryId: string;
  /** Session cookies (`colearn_session=…`). */
  writers: string[];
  readers: string[];
  /** The inquiry's newest event once seeding is done: clients connect with `since` this. */
  lastSeq: number;
  seconds: number;
}

const PASSWORD = 'bench-live-password-123';

async function call<T>(base: string, path: string, init: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return { res, json: (await res.json()) as T };
}

async function signUp(base: string, email: string, name: string): Promise<string> {
  const { res } = await call<unknown>(base, '/api/auth/signup', {
    body: { email, name, password: PASSWORD },
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('colearn_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('signup set no session cookie');
  return cookie;
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width)
    out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}

export async function seed(
  base: string,
  counts: { writers: number; readers: number },
  warmUpNote: (writer: number) => { kind: string; body: string },
): Promise<Seeded> {
  const started = performance.now();
  const owner = await signUp(base, 'owner@bench.example', 'Olga Owner');
  const workspace = await call<{ workspace: { id: string } }>(base, '/api/workspaces', {
    cookie: owner,
    body: { name: 'Live bench' },
  });
  const workspaceId = workspace.json.workspace.id;
  const inquiry = await call<{ inquiry: { id: string } }>(base, `/api/workspaces/${workspaceId}/inquiries`, {
    cookie: owner,
    body: {
      title: 'Live bench',
      question: 'How many people can follow one inquiry live?',
      allowAnonymous: false,
    },
  });
  const inquiryId = inquiry.json.inquiry.id;

  const people = [
    ...Array.from({ length: counts.writers }, (_, i) => ({ role: 'writer', i })),
    ...Array.from({ length: counts.readers }, (_, i) => ({ role: 'reader', i })),
  ];
  // argon2 makes each sign-up cost tens of milliseconds of CPU: a few at a time.
  const cookies = await inBatches(people, 4, async ({ role, i }) => {
    const email = `${role}${i}@bench.example`;
    const cookie = await signUp(base, email, `${role === 'writer' ? 'Writer' : 'Reader'} ${i}`);
    const invite = await call<{ invitation: { token: string } }>(
      base,
      `/api/workspaces/${workspaceId}/invitations`,
      {
        cookie: owner,
        body: { email, role: 'member' },
      },
    );
    await call(base, `/api/invitations/${invite.json.invitation.token}/accept`, { cookie, body: {} });
    return cookie;
  });
  const writers = cookies.slice(0, counts.writers);
  const readers = cookies.slice(counts.writers);
  for (const [i, cookie] of writers.entries())
    await call(base, `/api/inquiries/${inquiryId}/contributions`, { cookie, body: warmUpNote(i) });
  const after = await call<{ inquiry: { lastSeq: number } }>(base, `/api/inquiries/${inquiryId}`, {
    cookie: owner,
  });
  return {
    workspaceId,
    inquiryId,
    writers,
    readers,
    lastSeq: after.json.inquiry.lastSeq,
    seconds: (performance.now() - started) / 1000,
  };
}
