import type { RouteResponse } from '@gatehouse/contracts';
import type { FastifyRequest } from 'fastify';
import type { ShareVisitorActor } from '../../core/auth/actor';
import type { RequestContext } from '../../core/context';
import { errors } from '../../core/http/errors';
import { hashToken } from '../../core/ids';
import { authorize, can } from '../../core/policy/policy';
import type { LinkResource } from '../../core/policy/resources';
import { authorizeFolder } from '../documents';
import { creatorMay, liveCreatorContext } from '../shares';
import { requestClosed } from './requests.errors';
import { itemsByRequest, toPublicRequest } from './requests.mappers';
import { getRequestByTokenHash, type RequestRow } from './requests.queries';

export type TokenRequest = FastifyRequest & { params: { token: string }; ctx: RequestContext };

export type OpenRequest = {
  row: RequestRow;
  /** The recipient, as audited: "document request <id> (<recipient e-mail>)". */
  visitor: RequestContext;
  /** The manager who asked: files land in the space with their rights, checked again on every request. */
  creator: RequestContext;
  /** The link as the policy's `link` rules see it. */
  resource: LinkResource;
};

/**
 * Asks the policy whether the recipient may do this with the request's link; a refusal of a link that no longer
 * takes files is told as 410 (the recipient already knows the request exists).
 */
export function authorizeRequestLink(
  open: Pick<OpenRequest, 'visitor' | 'resource'>,
  action: 'link.open' | 'link.upload',
) {
  const { actor } = open.visitor;
  if (can(actor, action, open.resource)) return;
  if (open.resource.state !== 'live') throw requestClosed();
  authorize(actor, action, open.resource);
}

/**
 * The request of a token: 404 unknown; 410 cancelled, or when its creator could no longer ask for documents into the
 * destination folder (disabled, organization disabled, no longer a manager, folder in the trash, space archived).
 */
export async function openRequest(request: TokenRequest): Promise<OpenRequest> {
  const ctx = request.ctx;
  const row = await getRequestByTokenHash(ctx.db, hashToken(request.params.token));
  if (!row) throw errors.notFound('This request does not exist.');
  const creator = row.status === 'cancelled' ? null : await liveCreatorContext(ctx, row.created_by);
  const allowed =
    creator !== null &&
    (await creatorMay(() =>
      authorizeFolder(creator, { spaceId: row.space_id, folderId: row.folder_id, action: 'request.create' }),
    ));
  const actor: ShareVisitorActor = {
    kind: 'share_visitor',
    via: 'document_request',
    grantId: row.id,
    email: row.recipient_email,
  };
  const state = !creator || !allowed ? 'closed' : row.status === 'complete' ? 'complete' : 'live';
  const resource: LinkResource = { type: 'link', kind: 'request', id: row.id, state, locked: false };
  const visitor = { ...ctx, actor };
  authorizeRequestLink({ visitor, resource }, 'link.open');
  if (!creator) throw requestClosed();
  return { row, visitor, creator, resource };
}

export async function publicRequestView(
  ctx: RequestContext,
  row: RequestRow,
): Promise<RouteResponse<'getPublicRequest'>> {
  const items = await itemsByRequest(ctx.db, [row.id], false);
  return toPublicRequest(row, items.get(row.id) ?? []);
}

/** GET /requests-public/:token: the request and its items — nothing else of the space. */
export async function viewPublicRequest(request: TokenRequest) {
  const open = await openRequest(request);
  return publicRequestView(open.visitor, open.row);
}
