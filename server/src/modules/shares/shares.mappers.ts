import type { ShareLink } from '@gatehouse/contracts';
import type { RequestContext } from '../../core/context';
import { abilities } from '../../core/policy/policy';
import type { ShareLinkResource } from '../../core/policy/resources';
import type { SpaceFacts } from '../documents';
import { type LinkState, revealToken, shareUrl } from './shares.models';
import type { LinkRow } from './shares.queries';

export function shareLinkResource(facts: SpaceFacts, row: Pick<LinkRow, 'id' | 'created_by'>): ShareLinkResource {
  return {
    type: 'share_link',
    id: row.id,
    spaceId: facts.spaceId,
    spaceStatus: facts.spaceStatus,
    myRole: facts.myRole,
    capabilities: facts.capabilities,
    createdBy: row.created_by,
  };
}

export function toShareLink(ctx: RequestContext, facts: SpaceFacts, row: LinkRow, state: LinkState): ShareLink {
  const isDocument = row.document_id !== null;
  return {
    id: row.id,
    spaceId: row.space_id,
    target: {
      type: isDocument ? 'document' : 'folder',
      id: (row.document_id ?? row.folder_id) as string,
      name: (isDocument ? row.document_name : row.folder_name) ?? '',
    },
    url: shareUrl(ctx.config.publicUrl, revealToken(ctx.config.secretKey, row.token_sealed) ?? ''),
    note: row.note,
    status: state,
    createdAt: row.created_at,
    createdBy: row.creator_name === null ? null : { id: row.created_by, name: row.creator_name },
    expiresAt: row.expires_at,
    hasPassword: row.password_hash !== null,
    requireEmail: row.require_email === 1,
    recipientEmail: row.recipient_email,
    maxDownloads: row.max_downloads === null ? null : Number(row.max_downloads),
    downloadCount: Number(row.download_count),
    revokedAt: row.revoked_at,
    abilities: abilities(ctx.actor, shareLinkResource(facts, row)),
  };
}
