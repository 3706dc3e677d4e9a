import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadDocumentUpdates } from '../store/documents.js';
import { postgresUnavailable, REDIS_URL, redisUnavailable } from '../test/databases.js';
import { createTeam, type Person } from '../test/factories.js';
import { startServer, type TestServer, twoInstances } from '../test/server.js';

// Editors of one synthesis document, through Hocuspocus, as a browser tab would be (cookie and all).

interface Editor {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  text: () => string;
  scope: Promise<string>;
  close(): void;
}

function edit(server: TestServer, person: Person, inquiryId: string): Editor {
  const cookie = person.client.cookie;
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  let settle: (scope: string) => void = () => {};
  const scope = new Promise<string>((resolve) => {
    settle = resolve;
  });
  const socket = new HocuspocusProviderWebsocket({
    url: `${server.url.replace('http', 'ws')}/api/collab`,
    WebSocketPolyfill: CookieSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `inquiry:${inquiryId}:synthesis`,
    document: doc,
    token: 'session-cookie',
    onAuthenticated: ({ scope: s }) => settle(s),
    onAuthenticationFailed: ({ reason }) => settle(`denied: ${reason}`),
  });
  provider.attach();
  return {
    doc,
    provider,
    scope,
    text: () => doc.getText('draft').toString(),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

async function eventually(check: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('synthesis document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('lets two editors converge and keeps the text once they leave', async () => {
    const { member, facilitator, inquiryId } = await createTeam(server);
    const [a, b] = [edit(server, member, inquiryId), edit(server, facilitator, inquiryId)];
    expect(await a.scope).toBe('read-write');
    expect(await b.scope).toBe('read-write');
    a.doc.getText('draft').insert(0, 'Returns doubled after the supplier change. ');
    b.doc.getText('draft').insert(0, 'Sizing is off. ');
    await eventually(() => a.text() === b.text() && a.text().length > 50, 'both editors to agree');
    const agreed = a.text();
    a.close();
    b.close();
    // The last editor leaving stores the document and unloads it; a newcomer then loads it from the database.
    const name = `inquiry:${inquiryId}:synthesis`;
    let stored = 0;
    await eventually(() => {
      void loadDocumentUpdates(server.database.db, name).then((u) => {
        stored = u.length;
      });
      return stored > 0;
    }, 'the document to be stored');
    const c = edit(server, member, inquiryId);
    await c.scope;
    await eventually(() => c.text() === agreed, 'the stored text to load');
    c.close();
  });

  it('keeps out anyone who may not read the inquiry', async () => {
    const { outsider, inquiryId } = await createTeam(server);
    const intruder = edit(server, outsider, inquiryId);
    expect(await intruder.scope).toMatch(/^denied/);
    intruder.close();
  });

  it('is read-only once the inquiry is concluded', async () => {
    const { member, inquiryId } = await createTeam(server);
    await server.database.db
      .updateTable('inquiries')
      .set({ phase: 'concluded' })
      .where('id', '=', inquiryId)
      .execute();
    const late = edit(server, member, inquiryId);
    expect(await late.scope).toBe('readonly');
    late.close();
  });
});

const reason = (await postgresUnavailable()) ?? (await redisUnavailable());
describe.skipIf(reason)('synthesis across instances on PostgreSQL + Redis', () => {
  const instances = twoInstances(REDIS_URL, { beforeAll, afterAll });

  it('lets two editors on different instances converge on the same text', async () => {
    const { member, facilitator, inquiryId } = await createTeam(instances.a);
    const onA = edit(instances.a, member, inquiryId);
    const onB = edit(instances.b, facilitator, inquiryId);
    await Promise.all([onA.scope, onB.scope]);
    onA.doc.getText('draft').insert(0, 'From A. ');
    onB.doc.getText('draft').insert(0, 'From B. ');
    await eventually(() => onA.text() === onB.text() && onA.text().length === 16, 'A and B to agree');
    onA.close();
    onB.close();
  });
});
