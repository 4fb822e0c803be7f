import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { DatabaseAvailability } from '../health/database-availability';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { refuseDeeplyNestedBodies } from './deep-bodies';
import { refuseMultipartElsewhere } from './multipart-bodies';
import { coded, errorBody } from './error-response';
import { StaticCompression } from './static-compression';

export const API_PREFIX = 'api';

/** Routes served outside `/api`: the public library's HTML pages, its feed, the sitemap and robots.txt (issue 18). */
export const PUBLIC_SITE_ROUTES = [
  'public/library',
  'public/library/feed.atom',
  'public/library/:slug',
  'public/alliances/:slug',
  'sitemap.xml',
  'robots.txt',
];

/** The content security policy the built Angular app satisfies (no inline scripts, same-origin only). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Angular Material and the CDK set inline style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Self-hosted instances may run on plain HTTP inside a LAN; TLS is the reverse proxy's job.
  upgradeInsecureRequests: null,
};

/**
 * Everything about the HTTP surface that is not a route: security headers, cookies, the OpenAPI
 * document, the built web app with its client-side routes, and the contract's JSON 404 for `/api/*`.
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: PUBLIC_SITE_ROUTES });
  app.enableShutdownHooks();
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });

  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    hsts: config.production ? { maxAge: 15552000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie as never);
  // Multipart bodies are streamed part by part by the routes that take them (documents): nothing is buffered here.
  await app.register(fastifyMultipart as never, { limits: { files: 1, fields: 10, fieldSize: 1024, parts: 11 } });
  answer503WhileDatabaseAway(fastify, app.get(DatabaseAvailability));
  closeConnectionsWhileDraining(fastify, app.get(ShutdownState));
  refuseDeeplyNestedBodies(fastify);
  refuseMultipartElsewhere(fastify);

  setUpOpenApi(app);

  const webRoot = config.webRoot && existsSync(join(config.webRoot, 'index.html')) ? config.webRoot : undefined;
  if (webRoot) {
    const compression = new StaticCompression();
    compression.register(fastify);
    await app.register(fastifyStatic as never, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Hashed bundles (`main-<hash>.js`, `chunk-<hash>.js`) never change; index.html and translations must be revalidated.
      setHeaders: (reply: FastifyReply, path: string, stat: Stats) => {
        reply.header('Cache-Control', /[.-][0-9A-Z]{8,}\.(js|css)$/i.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        compression.select(reply, path, stat);
      },
    });
  }

  // Client-side routes fall back to index.html; `/api/*` never does. Any other unknown route reaches
  // Nest's not-found handler and answers the contract's JSON 404 through the exception filter.
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`) || !webRoot || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({ ...errorBody(404, `Cannot GET ${path}`), requestId: String(request.id) });
    }
    return (reply as FastifyReply & { sendFile(file: string): FastifyReply }).header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}

/**
 * While the database is away, `/api/*` answers 503 at once instead of queueing for a connection, and
 * a request still running when it goes away answers 503 then rather than waiting on a dead
 * connection (whatever it was doing: a guard, a handler). Health says why itself.
 */
function answer503WhileDatabaseAway(fastify: FastifyInstance, database: DatabaseAvailability): void {
  const unavailable = (request: FastifyRequest, reply: FastifyReply): void => {
    const body = coded('service.unavailable', 'Service temporarily unavailable');
    void reply
      .status(body.statusCode)
      .header('retry-after', '1')
      .send({ ...body, requestId: String(request.id) });
  };
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith(`/${API_PREFIX}/`) || path === `/${API_PREFIX}/health`) {
      done();
    } else if (!database.available) {
      unavailable(request, reply);
    } else {
      // The handler may still finish later: its reply is then ignored (the answer is already sent).
      const watch = database.lost$.subscribe(() => {
        if (!reply.sent) unavailable(request, reply);
      });
      reply.raw.once('close', () => watch.unsubscribe());
      done();
    }
  });
}

/** Once a shutdown began, every answer closes its connection: clients reconnect elsewhere and the server can close. */
function closeConnectionsWhileDraining(fastify: FastifyInstance, shutdown: ShutdownState): void {
  fastify.addHook(
    'onSend',
    (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      if (shutdown.draining) void reply.header('connection', 'close');
      done(null, payload);
    },
  );
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Alliances API')
      .setDescription('The public contract of Alliances: organisations, alliances, charter, objectives, evaluation, comments, funding.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    swaggerOptions: { persistAuthorization: false },
  });
}

/** Request ids: a sane incoming `X-Request-Id` is kept (tracing through a proxy), else a new UUID. */
export function genRequestId(request: import('node:http').IncomingMessage & { id?: string }): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  request.id = id;
  return id;
}
