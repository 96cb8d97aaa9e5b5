import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps, RequestContext } from '../context';
import { AppError, errors } from '../http/errors';
import { type Actor, anonymous, type UserActor } from './actor';
import { resolveApiToken } from './api-tokens';
import { readSessionCookie, resolveSession } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a person who owes a 2FA enrolment may still call: enough to enrol or leave. */
const ENROLMENT_ROUTES = new Set([
  'GET /api/v1/me',
  'POST /api/v1/me/2fa/totp/setup',
  'POST /api/v1/me/2fa/totp/enable',
  'POST /api/v1/auth/logout',
]);

export const twoFactorSetupRequired = new AppError(
  'identity.two_factor_setup_required',
  403,
  'Two-factor authentication required',
  'Set up two-factor authentication before continuing.',
);

declare module 'fastify' {
  interface FastifyRequest {
    /** A session whose password step passed but whose second factor is still owed. */
    pendingSession: { userId: string; sessionId: string } | null;
    csrfToken: string | null;
  }
}

/** Whether the configured policy requires this person to use 2FA. */
export function mustUseTwoFactor(deps: Pick<Deps, 'config'>, actor: Pick<UserActor, 'isAdmin' | 'isOrgAdmin'>) {
  const rule = deps.config.REQUIRE_2FA;
  return rule === 'all' || (rule === 'admins' && (actor.isAdmin || actor.isOrgAdmin));
}

/**
 * Turns every request's credential into an actor before anything else runs, and refuses what must be refused
 * early: private routes without a credential (401), cross-site state changes (CSRF), people who owe a 2FA enrolment.
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('pendingSession', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    const ctx: RequestContext = {
      ...deps,
      actor: anonymous,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    };
    request.ctx = ctx;
    const routeUrl = request.routeOptions.url;
    if (!routeUrl?.startsWith('/api/') || routeUrl.startsWith('/api/docs')) return;

    ctx.actor = await resolveActor(request, ctx);
    if (!SAFE_METHODS.has(request.method)) ensureSameOrigin(request);
    if (request.routeOptions.config.public !== true && ctx.actor.kind === 'anonymous') throw errors.unauthorized();
    if (ctx.actor.kind === 'user') ensureEnrolled(request, ctx.actor, deps);
  });
}

async function resolveActor(request: FastifyRequest, ctx: RequestContext): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await resolveApiToken(ctx, match[1]) : null;
    // A wrong credential is an error even on public routes: silently treating it as anonymous hides revocation.
    if (!actor) throw errors.unauthorized('The API token is invalid, expired or revoked.');
    return actor;
  }
  const token = readSessionCookie(request);
  if (!token) return anonymous;
  const session = await resolveSession(ctx, token);
  if (!session) return anonymous;
  request.csrfToken = session.csrfToken;
  if (session.mfaPending) {
    request.pendingSession = { userId: session.actor.id, sessionId: session.actor.sessionId as string };
    return anonymous;
  }
  if (!SAFE_METHODS.has(request.method)) ensureCsrfToken(request, session.csrfToken);
  return session.actor;
}

/** Browsers send Origin / Sec-Fetch-Site on cross-site requests; a state change from another site is refused. */
function ensureSameOrigin(request: FastifyRequest) {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw errors.csrf();
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw errors.csrf();
  }
  if (host !== request.host) throw errors.csrf();
}

/** Synchronizer token: cookie-authenticated changes must echo the session's CSRF token in a header. */
function ensureCsrfToken(request: FastifyRequest, expected: string) {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string') throw errors.csrf('Missing X-CSRF-Token header.');
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw errors.csrf('Invalid X-CSRF-Token header.');
}

function ensureEnrolled(request: FastifyRequest, actor: UserActor, deps: Deps) {
  if (actor.via !== 'session' || actor.twoFactorEnabled || !mustUseTwoFactor(deps, actor)) return;
  if (!ENROLMENT_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) throw twoFactorSetupRequired;
}
