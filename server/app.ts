import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginThrottle } from './auth/login-throttle.js';
import { collabRoutes } from './collab/server.js';
import type { Config } from './config.js';
import { body, installErrorHandling } from './http-errors.js';
import { createBus } from './live/bus.js';
import { LiveHub } from './live/hub.js';
import { liveRoutes } from './live/routes.js';
import { Mailer } from './mail/mailer.js';
import { archiveRoutes } from './routes/archive.js';
import { authRoutes } from './routes/auth.js';
import { consentRoutes } from './routes/consent.js';
import type { App, RouteContext } from './routes/context.js';
import { contributionRoutes } from './routes/contributions.js';
import { demoRoutes } from './routes/demo.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { inquiryRoutes } from './routes/inquiries.js';
import { insightRoutes } from './routes/insights.js';
import { libraryRoutes } from './routes/library.js';
import { mechanicsRoutes } from './routes/mechanics.js';
import { notificationRoutes } from './routes/notifications.js';
import { participationRoutes } from './routes/participation.js';
import { pulseRoutes } from './routes/pulses.js';
import { resilienceRoutes } from './routes/resilience.js';
import { searchRoutes } from './routes/search.js';
import { ssoRoutes } from './routes/sso.js';
import { passwordRoutes } from './routes/password.js';
import { tokenRoutes } from './routes/tokens.js';
import { understandingRoutes } from './routes/understanding.js';
import { webhookRoutes } from './routes/webhooks.js';
import { workspaceDomainRoutes } from './routes/workspace-domains.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { rebuildSearchIndexIfEmpty } from './search/indexer.js';
import { responseSerializer } from './serializer.js';
import type { OpenDatabase } from './store/db.js';
import { WebhookWorker } from './webhooks/worker.js';

export const MAX_BODY_BYTES = 1024 * 1024;
const ROOT = resolve(import.meta.dirname, '..');
export const VERSION: string = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version;

export interface BuiltApp {
  app: App;
  /** Every route the server registered, for tests that must cover each one. */
  routes: { method: string; url: string; hidden: boolean }[];
  /** The mail outbox and digests, to run a pass now (tests, scripts). */
  mailer: Mailer;
}

function loggerOptions(config: Config) {
  if (config.logLevel === 'silent') return false;
  if (config.production || !process.stdout.isTTY) return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } },
  };
}

/** Builds the whole server (plugins, routes, static app); tests build it exactly the same way. */
export async function buildApp(config: Config, database: OpenDatabase): Promise<BuiltApp> {
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  const routes: BuiltApp['routes'] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, hidden });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.production));
  // Only JSON bodies: a text/plain body is what a cross-site form could send.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'https:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        // Not forced: an instance may be served over plain HTTP inside a company network.
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cookie);
  // Large enough for a long paste into the synthesis (one Yjs update); the live stream itself ignores
  // anything but its two small client messages.
  await app.register(websocket, { options: { maxPayload: 8 * 1024 * 1024 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      ...body('rate_limited', `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`),
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Colearn API',
        version: VERSION,
        description: 'Everything the Colearn web app does, a script can do.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'colearn_session' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal API token (Account → API tokens). Scope "read" allows GET requests; "write" allows ' +
              'everything else the person may do. Tokens cannot manage tokens.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const bus = createBus(config.redisUrl);
  const live = new LiveHub(database.db, bus, app.log);
  app.addHook('preClose', () => live.close());
  // After every preClose hook: the synthesis server still unsubscribes from the bus in its own.
  app.addHook('onClose', () => bus.close());
  // The webhook outbox's sender: every instance polls; a claim keeps two from sending one delivery.
  const webhooks = new WebhookWorker(
    database.db,
    { ...config.webhooks, publicUrl: config.publicUrl, batch: 20 },
    app.log,
  );
  app.addHook('onReady', async () => webhooks.start());
  app.addHook('preClose', () => webhooks.stop());
  // E-mail digests and the mail outbox (SMTP_URL; without it mails go to the log).
  const mailer = new Mailer(database.db, { ...config.mail, publicUrl: config.publicUrl }, app.log);
  app.addHook('onReady', async () => mailer.start());
  app.addHook('preClose', () => mailer.stop());
  // A database from before the search index gets its index filled once.
  if (await rebuildSearchIndexIfEmpty(database.db)) app.log.info('Search index built for existing data.');
  const ctx: RouteContext = {
    db: database.db,
    writer: { db: database.db, events: live },
    live,
    bus,
    databaseKind: database.kind,
    config,
    throttle: new LoginThrottle(database.db, config),
    version: VERSION,
    webhooks,
    mailer,
  };
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  passwordRoutes(app, ctx);
  ssoRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  workspaceDomainRoutes(app, ctx);
  inquiryRoutes(app, ctx);
  insightRoutes(app, ctx);
  contributionRoutes(app, ctx);
  demoRoutes(app, ctx);
  mechanicsRoutes(app, ctx);
  consentRoutes(app, ctx);
  participationRoutes(app, ctx);
  notificationRoutes(app, ctx);
  resilienceRoutes(app, ctx);
  understandingRoutes(app, ctx);
  pulseRoutes(app, ctx);
  exportRoutes(app, ctx);
  archiveRoutes(app, ctx);
  libraryRoutes(app, ctx);
  searchRoutes(app, ctx);
  tokenRoutes(app, ctx);
  webhookRoutes(app, ctx);
  liveRoutes(app, ctx);
  collabRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  serveWebApp(app, config.webDir);
  await app.ready();
  return { app, routes, mailer };
}

/** Serves the built SPA (from dist/ unless configured), with index.html for every client-side route. */
function serveWebApp(app: App, webDir: string | null): void {
  const dist = webDir ?? resolve(ROOT, 'dist');
  const hasBuild = existsSync(resolve(dist, 'index.html'));
  if (hasBuild) app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && hasBuild && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(body('not_found', 'There is nothing at this address.'));
  });
}
