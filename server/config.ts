import { resolve } from 'node:path';
import { z } from 'zod';

// One validated configuration object from the environment; a wrong value stops the process with words a
// person can act on, before anything else starts.

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded database)')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  AUTH_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Where digests are sent through, e.g. smtps://user:pass@smtp.example.com:465; unset: mails go to the log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Colearn <colearn@localhost>'),
  /** Webhooks may go to loopback and private addresses (an intranet tool); off by default (SSRF). */
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** Where the built web app is; dist/ unless a test run builds its own copy. */
  WEB_DIR: z.string().optional(),
});

export type Database = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: Database;
  publicUrl: string | null;
  /** Set when several instances share live events and presence through Redis. */
  redisUrl: string | null;
  production: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Failed logins allowed per account and per address within the window before 429. */
  loginFailureLimit: number;
  loginFailureWindowMs: number;
  /** Sign-up and sign-in requests allowed per address per minute. */
  authRequestsPerMinute: number;
  sessionTtlMs: number;
  invitationTtlMs: number;
  /** The built web app's folder, or null for dist/ beside the code. */
  webDir: string | null;
  mail: {
    /** null: mails are written to the log instead of sent. */
    smtpUrl: string | null;
    from: string;
    /** How often each instance sends due mails and looks for digests that are due. */
    pollMs: number;
    retryBaseMs: number;
  };
  webhooks: {
    allowPrivate: boolean;
    /** How often each instance looks for deliveries that are due. */
    pollMs: number;
    /** The first retry waits about this long; later ones are multiples (domain/webhooks.ts). */
    retryBaseMs: number;
    timeoutMs: number;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Colearn cannot start; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'colearn.sqlite') },
    publicUrl: e.PUBLIC_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    production: e.NODE_ENV === 'production',
    logLevel: e.NODE_ENV === 'test' && !env.LOG_LEVEL ? 'silent' : e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    loginFailureLimit: 10,
    loginFailureWindowMs: 15 * 60_000,
    authRequestsPerMinute: e.AUTH_REQUESTS_PER_MINUTE,
    sessionTtlMs: 30 * 24 * 3600_000,
    invitationTtlMs: 14 * 24 * 3600_000,
    webDir: e.WEB_DIR ? resolve(e.WEB_DIR) : null,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, pollMs: 30_000, retryBaseMs: 30_000 },
    webhooks: {
      allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE === 'true',
      pollMs: 2_000,
      retryBaseMs: 30_000,
      timeoutMs: 10_000,
    },
  };
}

/** For command-line entry points: the configuration, or a clear message and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
