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
  /** Single sign-on through an OpenID Connect provider: its issuer (discovery at /.well-known/openid-configuration). */
  OIDC_ISSUER: z.url({ protocol: /^https?$/, message: 'must be an http(s):// URL' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Registered at the provider; default: PUBLIC_URL + /api/auth/oidc/callback. */
  OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s):// URL' }).optional(),
  /** The words on the sign-in button: "Continue with <OIDC_NAME>". */
  OIDC_NAME: z.string().trim().min(1).max(40).default('single sign-on'),
  OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((s) => s.split(/\s+/).includes('openid'), 'must include openid'),
  /** The provider vouches for every address it sends even without `email_verified` (a company directory). */
  OIDC_ASSUME_EMAIL_VERIFIED: z.enum(['true', 'false']).default('false'),
  /** Allow an http:// issuer that is not on this machine (a lab); loopback issuers are always allowed. */
  OIDC_ALLOW_INSECURE_HTTP: z.enum(['true', 'false']).default('false'),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Problems with the OIDC_* settings as a whole (each one alone is checked by Env). */
function oidcProblems(e: z.infer<typeof Env>): { path: string; message: string }[] {
  const required = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const given = required.filter((k) => e[k] !== undefined);
  if (given.length === 0) return [];
  const problems = required
    .filter((k) => e[k] === undefined)
    .map((k) => ({ path: k, message: `is needed too when ${given.join(' and ')} is set (single sign-on)` }));
  if (e.OIDC_ISSUER) {
    const issuer = new URL(e.OIDC_ISSUER);
    if (
      issuer.protocol === 'http:' &&
      !LOOPBACK.has(issuer.hostname) &&
      e.OIDC_ALLOW_INSECURE_HTTP !== 'true'
    ) {
      problems.push({
        path: 'OIDC_ISSUER',
        message: 'must be https:// (or set OIDC_ALLOW_INSECURE_HTTP=true for a provider in a lab)',
      });
    }
  }
  return problems;
}

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
  /** Single sign-on through OpenID Connect; null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** The button's label: "Continue with <name>". */
  name: string;
  scopes: string;
  /** Treat an address without `email_verified` as verified (never one with `email_verified: false`). */
  assumeEmailVerified: boolean;
  /** Plain http:// to the provider: a loopback issuer (tests, a provider beside the server) or the flag. */
  allowInsecureRequests: boolean;
  /** How long a started sign-in may take before its callback is refused. */
  loginTtlMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Colearn cannot start; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems = oidcProblems(e);
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new Error(`Colearn cannot start; fix these environment variables:\n${lines.join('\n')}`);
  }
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? null;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'colearn.sqlite') },
    publicUrl,
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
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUrl:
              e.OIDC_REDIRECT_URL ??
              new URL('/api/auth/oidc/callback', publicUrl ?? `http://localhost:${e.PORT}`).toString(),
            name: e.OIDC_NAME,
            scopes: e.OIDC_SCOPES.trim().split(/\s+/).join(' '),
            assumeEmailVerified: e.OIDC_ASSUME_EMAIL_VERIFIED === 'true',
            allowInsecureRequests:
              new URL(e.OIDC_ISSUER).protocol === 'http:' &&
              (LOOPBACK.has(new URL(e.OIDC_ISSUER).hostname) || e.OIDC_ALLOW_INSECURE_HTTP === 'true'),
            loginTtlMs: 10 * 60_000,
          }
        : null,
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
