import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltApp, buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { type OpenDatabase, openDatabase } from '../store/db.js';
import { freshDatabase } from './databases.js';

// Starts the real server on an ephemeral port against a fresh database, and talks to it over HTTP
// like a browser would: one cookie jar per person.

export interface TestServer {
  url: string;
  database: OpenDatabase;
  databaseConfig: Config['database'];
  routes: BuiltApp['routes'];
  mailer: BuiltApp['mailer'];
  close(): Promise<void>;
}

export async function startServer(
  options: {
    database?: 'sqlite' | 'postgres';
    /** Another server's database, for several instances of one deployment; the first server drops it. */
    shareDatabaseOf?: TestServer;
    config?: Partial<Config>;
  } = {},
): Promise<TestServer> {
  const fresh = options.shareDatabaseOf
    ? { config: options.shareDatabaseOf.databaseConfig, drop: async () => {} }
    : await freshDatabase(options.database ?? 'sqlite');
  const base = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'colearn-data-')) });
  const config: Config = {
    ...base,
    database: fresh.config,
    authRequestsPerMinute: 10_000,
    ...options.config,
  };
  const database = await openDatabase(config.database);
  const { app, routes, mailer } = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    database,
    databaseConfig: config.database,
    routes,
    mailer,
    close: async () => {
      await app.close();
      await database.close();
      await fresh.drop();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

// any: tests read response bodies loosely; the contract is checked by the server
type Json = any;

/** One person's browser: keeps their session cookie between requests. */
export class Client {
  cookie = '';
  constructor(readonly server: TestServer) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<Json>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.server.url + path, init);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('colearn_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

/**
 * Two instances of one deployment: one fresh PostgreSQL database, Redis between them. Call inside a
 * describe; it starts them before the tests and stops them after.
 */
export function twoInstances(
  redisUrl: string,
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
) {
  const pair = {} as { a: TestServer; b: TestServer };
  hooks.beforeAll(async () => {
    pair.a = await startServer({ database: 'postgres', config: { redisUrl } });
    pair.b = await startServer({ shareDatabaseOf: pair.a, config: { redisUrl } });
  });
  hooks.afterAll(async () => {
    await pair.b?.close();
    await pair.a?.close();
  });
  return pair;
}

/** The same person, signed in once, talking to another instance with the session they already have. */
export function on<T extends { client: Client }>(server: TestServer, person: T): T {
  const client = new Client(server);
  client.cookie = person.client.cookie;
  return { ...person, client };
}
