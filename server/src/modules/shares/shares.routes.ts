import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import { CONTENT_SECURITY_POLICY } from '../documents';
import { sendSharedDocument, sendSharedZip } from './shares.downloads';
import { viewShare, viewShareFolder } from './shares.public.service';
import {
  createShareLink,
  listSpaceLinks,
  listTargetLinks,
  revokeShareLink,
  shareLinkAccessLog,
  shareLinkSettings,
} from './shares.service';
import { sendEmailCode, unlockWithPassword, verifyEmailCode } from './shares.unlock.service';

const ok = { ok: true as const };

/**
 * Management: GET /share-link-settings · GET|POST /documents/:id/share-links · GET|POST /folders/:id/share-links ·
 * GET /spaces/:id/share-links · POST /share-links/:id/revoke · GET /share-links/:id/access-log.
 * Visitors (public, the token is the credential): GET /share/:token · POST /share/:token/password|email-code|verify ·
 * GET /share/:token/folders/:id · GET /share/:token/content · GET /share/:token/documents/:id/content ·
 * GET /share/:token/zip.
 */
export async function registerSharesRoutes(app: FastifyInstance) {
  route(app, routes.shareLinkSettings, async (request) => shareLinkSettings(request.ctx));
  route(app, routes.createDocumentShareLink, async (request) => ({
    link: await createShareLink(request.ctx, {
      ...request.body,
      target: { type: 'document', id: request.params.id },
    }),
  }));
  route(app, routes.listDocumentShareLinks, async (request) => ({
    links: await listTargetLinks(request.ctx, { type: 'document', id: request.params.id }),
  }));
  route(app, routes.createFolderShareLink, async (request) => ({
    link: await createShareLink(request.ctx, { ...request.body, target: { type: 'folder', id: request.params.id } }),
  }));
  route(app, routes.listFolderShareLinks, async (request) => ({
    links: await listTargetLinks(request.ctx, { type: 'folder', id: request.params.id }),
  }));
  route(app, routes.listSpaceShareLinks, async (request) => ({
    links: await listSpaceLinks(request.ctx, { spaceId: request.params.id }),
  }));
  route(app, routes.revokeShareLink, async (request) => ({
    link: await revokeShareLink(request.ctx, request.params),
  }));
  route(app, routes.shareLinkAccessLog, async (request) => ({
    entries: await shareLinkAccessLog(request.ctx, request.params),
  }));

  route(app, routes.getShare, async (request) => viewShare(request));
  route(app, routes.getShareFolder, async (request) => viewShareFolder(request));
  route(app, routes.unlockShare, async (request, reply) => {
    await unlockWithPassword(request, reply, request.body.password);
    return ok;
  });
  route(app, routes.sendShareCode, async (request) => {
    await sendEmailCode(request, request.body.email);
    return ok;
  });
  route(app, routes.verifyShareCode, async (request, reply) => {
    await verifyEmailCode(request, reply, request.body.code);
    return ok;
  });

  // File bytes: the same sandboxing CSP as the documents module's downloads.
  await app.register(async (files) => {
    files.addHook('onSend', async (_request, reply, payload) => {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      return payload;
    });
    route(files, routes.downloadShare, async (request, reply) => sendSharedDocument(request, reply));
    route(files, routes.downloadShareDocument, async (request, reply) =>
      sendSharedDocument(request, reply, request.params.id),
    );
    route(files, routes.downloadShareZip, async (request, reply) =>
      sendSharedZip(request, reply, request.query.folderId),
    );
  });
}
