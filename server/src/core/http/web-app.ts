import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem';

/**
 * Serves the built single-page app: hashed assets are immutable for a year; every other GET outside /api answers
 * the shell with a fresh CSP nonce, so deep links (/invite/…, /spaces/…) load the app.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string) {
  const indexFile = join(distDir, 'index.html');
  const hasBuild = existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      index: false,
      immutable: true,
      maxAge: '365d',
      decorateReply: false,
    });
  }
  const shell = hasBuild ? readFileSync(indexFile, 'utf8') : null;

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    config: { public: true },
    // The shell is not part of the API: keep it out of the OpenAPI document.
    schema: { hide: true },
    handler: async (request, reply) => {
      const path = request.url.split('?')[0];
      // An unknown API address must fail like the API does, not answer the app's HTML with a 200.
      if (/^\/(api|dav)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path)) {
        return sendProblem(reply, request, { status: 404, code: 'http.not_found', title: 'Not found' });
      }
      if (!shell) {
        return reply
          .code(503)
          .type('text/plain')
          .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
      }
      return reply
        .header('Cache-Control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(shell.replaceAll('__CSP_NONCE__', reply.cspNonce));
    },
  });
}
