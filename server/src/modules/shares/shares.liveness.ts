import type { RequestContext } from '../../core/context';
import { authorizeDocument, authorizeFolder } from '../documents';
import { creatorMay, liveCreatorContext } from './creator.service';
import { type LinkState, linkState } from './shares.models';
import type { LinkRow } from './shares.queries';

type Target = Pick<LinkRow, 'created_by' | 'document_id' | 'folder_id'>;

/** Whether the creator (a live user context) could still share the target now: `share.serve` in the policy. */
export function creatorServes(creator: RequestContext, link: Target): Promise<boolean> {
  return creatorMay(() =>
    link.document_id
      ? authorizeDocument(creator, { id: link.document_id, action: 'share.serve' })
      : authorizeFolder(creator, { folderId: link.folder_id, action: 'share.serve' }),
  );
}

/**
 * Whether the link's creator could still share its target: an active account in an active organization, a live
 * membership as contributor or up (or host admin), and a target that is not in the trash. Asked of the central
 * policy on every visit, so disabling a person, an organization or a membership ends their links at once, like
 * their sessions.
 */
async function creatorMayServe(ctx: RequestContext, link: Target): Promise<boolean> {
  const creator = await liveCreatorContext(ctx, link.created_by);
  return creator !== null && (await creatorServes(creator, link));
}

export async function currentLinkState(ctx: RequestContext, link: LinkRow): Promise<LinkState> {
  const nowIso = ctx.clock.now().toISOString();
  // A revoked or expired link needs no question about its creator.
  if (link.revoked_at || link.expires_at <= nowIso) return linkState(link, { nowIso, creatorMayShare: true });
  return linkState(link, { nowIso, creatorMayShare: await creatorMayServe(ctx, link) });
}
