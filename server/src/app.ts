import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuth } from './core/auth/hook';
import type { Deps } from './core/context';
import { registerHealth } from './core/http/health';
import { registerInputGuards } from './core/http/input-guards';
import { registerProblemHandler, sendProblem } from './core/http/problem';
import { registerSecurityHeaders } from './core/http/security';
import { registerWebApp } from './core/http/web-app';
import { newId } from './core/ids';
import type { ModuleManifest } from './core/module';
import { modules } from './modules';

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

type RegisteredRoute = { method: string; url: string; public: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its method and whether it is public: the route inventory test walks this list. */
    registeredRoutes: RegisteredRoute[];
  }
}

export type BuildAppOptions = {
  webDist?: string;
  logger?: boolean;
  /** The modules whose routes to serve: this server's (modules.ts) unless a test brings its own list. */
  modules?: readonly ModuleManifest<object>[];
};

/** Builds the whole HTTP application from its dependencies; main.ts and the test harness both call this. */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : deps.logger,
    logger: options.logger === false ? false : undefined,
    trustProxy: deps.config.trustProxy,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    genReqId: () => newId(),
    ...(deps.config.tls ? { https: deps.config.tls } : {}),
    routerOptions: { maxParamLength: 300 },
    // Router-level refusals (malformed or over-long URLs) answer problem+json like every other error.
    frameworkErrors: (error: { code?: string; message: string }, request: never, reply: never) =>
      sendProblem(reply, request, {
        status: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400,
        code: 'http.bad_request',
        title: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI too long' : 'Malformed URL',
      }),
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;

  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      registered.push({ method: String(method), url: options.url, public: options.config?.public === true });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  registerInputGuards(app);
  registerSecurityHeaders(app, { https: Boolean(deps.config.tls) });
  await app.register(fastifyCookie);
  // Uploads stream straight into the file store (request.file()): never buffered, one file per request, few small fields.
  // busboy silently truncates a file at `fileSize`; one byte more lets the store's own limit (MAX_UPLOAD_BYTES) fail
  // the upload instead of keeping a truncated file.
  await app.register(fastifyMultipart, {
    limits: {
      files: 1,
      fileSize: deps.config.MAX_UPLOAD_BYTES + 1,
      fields: 10,
      fieldSize: 16 * 1024,
      fieldNameSize: 100,
      parts: 12,
      headerPairs: 50,
    },
    // busboy's 16 KiB stream buffers pause and resume the parser several times per network chunk; 1 MiB buffers
    // let a large file flow in big pieces (measured by `npm run bench:files`).
    highWaterMark: 1 << 20,
    fileHwm: 1 << 20,
  });
  registerAuth(app, deps);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gatehouse API',
        version: '1',
        description: 'The extranet server API. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gatehouse_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerHealth(app, deps);
  for (const module of options.modules ?? modules) await module.routes?.(app, deps);
  await registerWebApp(app, options.webDist ?? defaultWebDist);
  return app;
}
