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
import type { Db } from '../store/db.js';

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
  databaseKind: 'sqlite' | 'postgres';
  config: Config;
  throttle: LoginThrottle;
  version: string;
}

/** Marks a route as needing a session, for the OpenAPI document. */
export const SESSION = [{ session: [] }];
