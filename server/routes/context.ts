import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { Config } from '../config.js';
import type { Bus } from '../live/bus.js';
import type { LiveHub } from '../live/hub.js';
import type { Writer } from '../live/transact.js';
import type { Mailer } from '../mail/mailer.js';
import type { Db } from '../store/db.js';
import type { WebhookWorker } from '../webhooks/worker.js';

/** The Fastify instance with zod as its type provider, as every route file receives it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route handlers need besides the request. */
export interface RouteContext {
  db: Db;
  /** The database plus where committed changes are announced; commands take this. */
  writer: Writer;
  live: LiveHub;
  /** Between instances: what one instance tells the others (events, presence, access changes). */
  bus: Bus;
  databaseKind: 'sqlite' | 'postgres';
  config: Config;
  throttle: LoginThrottle;
  version: string;
  /** Sends the webhook outbox; routes use it to send a test delivery at once. */
  webhooks: WebhookWorker;
  /** Digests and the mail outbox. */
  mailer: Mailer;
}

/** Marks a route as needing a session cookie or an API token (`Authorization: Bearer`), for the OpenAPI document. */
export const SESSION: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
/** Routes only a signed-in browser session may use (managing API tokens). */
export const SESSION_ONLY: { [scheme: string]: string[] }[] = [{ session: [] }];
