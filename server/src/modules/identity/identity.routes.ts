import { routes } from '@gatehouse/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clearSessionCookie, setSessionCookie } from '../../core/auth/sessions';
import { route } from '../../core/http/route';
import { acceptInvitation, getInvitation } from './identity.invitations.service';
import { getMe, updateMe } from './identity.me.service';
import { changePassword, requestPasswordReset, resetPassword } from './identity.passwords.service';
import { completeTwoFactor, prepareSignIn, signIn, signOut } from './identity.service';
import { endMyOtherSessions, endMySession, listMySessions } from './identity.sessions.service';
import { completeSetup, getSetupStatus } from './identity.setup.service';
import { createMyToken, listMyTokens, revokeMyToken } from './identity.tokens.service';
import { disableTotp, enableTotp, regenerateRecoveryCodes, startTotpSetup } from './identity.two-factor.service';

/**
 * Sign-in, sign-out, password reset, first-run setup, invitations, and the signed-in person's own account:
 * profile, password, sessions, two-factor authentication and API tokens.
 */

/** The session this browser already holds (full or waiting for 2FA): a new sign-in replaces it. */
function browserSessionId(request: FastifyRequest): string | null {
  const actor = request.ctx.actor;
  if (actor.kind === 'user' && actor.via === 'session') return actor.sessionId;
  return request.pendingSession?.sessionId ?? null;
}

export async function registerIdentityRoutes(app: FastifyInstance) {
  await prepareSignIn();
  route(app, routes.login, async (request, reply) => {
    const result = await signIn(request.ctx, { ...request.body, replacesSessionId: browserSessionId(request) });
    setSessionCookie(request, reply, result.token);
    return { twoFactorRequired: result.twoFactorRequired };
  });

  route(app, routes.twoFactor, async (request, reply) => {
    const result = await completeTwoFactor(request.ctx, { pending: request.pendingSession, code: request.body.code });
    setSessionCookie(request, reply, result.token);
    return { ok: true as const };
  });

  route(app, routes.logout, async (request, reply) => {
    await signOut(request.ctx, { pendingSessionId: request.pendingSession?.sessionId ?? null });
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  route(app, routes.forgotPassword, async (request) => {
    await requestPasswordReset(request.ctx, request.body);
    return { ok: true as const };
  });

  route(app, routes.resetPassword, async (request) => {
    await resetPassword(request.ctx, request.body);
    return { ok: true as const };
  });

  route(app, routes.setupStatus, async (request) => getSetupStatus(request.ctx));

  route(app, routes.setup, async (request, reply) => {
    const result = await completeSetup(request.ctx, {
      ...request.body,
      replacesSessionId: browserSessionId(request),
    });
    setSessionCookie(request, reply, result.token);
    return { ok: true as const };
  });

  route(app, routes.getInvitation, async (request) => getInvitation(request.ctx, request.params));

  route(app, routes.acceptInvitation, async (request, reply) => {
    const result = await acceptInvitation(request.ctx, {
      ...request.body,
      token: request.params.token,
      replacesSessionId: browserSessionId(request),
    });
    setSessionCookie(request, reply, result.token);
    return { ok: true as const };
  });

  route(app, routes.me, async (request) => getMe(request.ctx, { csrfToken: request.csrfToken }));

  route(app, routes.updateMe, async (request) =>
    updateMe(request.ctx, { ...request.body, csrfToken: request.csrfToken }),
  );

  route(app, routes.changePassword, async (request) => {
    await changePassword(request.ctx, request.body);
    return { ok: true as const };
  });

  route(app, routes.listSessions, async (request) => listMySessions(request.ctx));

  route(app, routes.endSession, async (request, reply) => {
    const result = await endMySession(request.ctx, request.params);
    if (result.endedCurrent) clearSessionCookie(reply);
    return { ok: true as const };
  });

  route(app, routes.endOtherSessions, async (request) => {
    await endMyOtherSessions(request.ctx);
    return { ok: true as const };
  });

  route(app, routes.totpSetup, async (request) => startTotpSetup(request.ctx));

  route(app, routes.totpEnable, async (request) => enableTotp(request.ctx, request.body));

  route(app, routes.totpDisable, async (request) => {
    await disableTotp(request.ctx, request.body);
    return { ok: true as const };
  });

  route(app, routes.regenerateRecoveryCodes, async (request) => regenerateRecoveryCodes(request.ctx, request.body));

  route(app, routes.listTokens, async (request) => listMyTokens(request.ctx));

  route(app, routes.createToken, async (request) => createMyToken(request.ctx, request.body));

  route(app, routes.revokeToken, async (request) => {
    await revokeMyToken(request.ctx, request.params);
    return { ok: true as const };
  });
}
