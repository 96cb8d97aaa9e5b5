import type { DbOrTrx } from '../../core/db/database';
import type { ShareAccessesTable, ShareLinksTable } from './shares.tables';

/** Links with the names of their target and creator. */
function selectLinks(db: DbOrTrx) {
  return db
    .selectFrom('share_links as l')
    .leftJoin('documents as d', 'd.id', 'l.document_id')
    .leftJoin('folders as f', 'f.id', 'l.folder_id')
    .leftJoin('users as cu', 'cu.id', 'l.created_by')
    .innerJoin('spaces as s', 's.id', 'l.space_id')
    .selectAll('l')
    .select([
      'd.name as document_name',
      'f.name as folder_name',
      'cu.name as creator_name',
      's.status as space_status',
    ]);
}

export type LinkRow = NonNullable<Awaited<ReturnType<typeof getLinkById>>>;

export function getLinkById(db: DbOrTrx, id: string) {
  return selectLinks(db).where('l.id', '=', id).executeTakeFirst();
}

export function getLinkByTokenHash(db: DbOrTrx, tokenHash: string) {
  return selectLinks(db).where('l.token_hash', '=', tokenHash).executeTakeFirst();
}

/** Links of one target, newest first; `createdBy` narrows to one person's links. */
export function listLinks(
  db: DbOrTrx,
  where: { spaceId?: string; documentId?: string; folderId?: string; createdBy?: string },
) {
  return selectLinks(db)
    .$if(where.spaceId !== undefined, (qb) => qb.where('l.space_id', '=', where.spaceId as string))
    .$if(where.documentId !== undefined, (qb) => qb.where('l.document_id', '=', where.documentId as string))
    .$if(where.folderId !== undefined, (qb) => qb.where('l.folder_id', '=', where.folderId as string))
    .$if(where.createdBy !== undefined, (qb) => qb.where('l.created_by', '=', where.createdBy as string))
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
}

export function insertLink(db: DbOrTrx, row: ShareLinksTable) {
  return db.insertInto('share_links').values(row).execute();
}

export function revokeLinkRow(db: DbOrTrx, args: { id: string; byId: string | null; nowIso: string }) {
  return db
    .updateTable('share_links')
    .set({ revoked_at: args.nowIso, revoked_by: args.byId })
    .where('id', '=', args.id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Counts a completed download. */
export function countDownload(db: DbOrTrx, linkId: string) {
  return db
    .updateTable('share_links')
    .set((eb) => ({ download_count: eb('download_count', '+', 1) }))
    .where('id', '=', linkId)
    .execute();
}

export function insertAccess(db: DbOrTrx, row: ShareAccessesTable) {
  return db.insertInto('share_accesses').values(row).execute();
}

export function completeAccess(db: DbOrTrx, args: { id: string; nowIso: string }) {
  return db.updateTable('share_accesses').set({ completed_at: args.nowIso }).where('id', '=', args.id).execute();
}

export function listAccesses(db: DbOrTrx, linkId: string) {
  return db
    .selectFrom('share_accesses')
    .selectAll()
    .where('link_id', '=', linkId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

export function getGrant(db: DbOrTrx, args: { linkId: string; tokenHash: string; nowIso: string }) {
  return db
    .selectFrom('share_grants')
    .selectAll()
    .where('link_id', '=', args.linkId)
    .where('token_hash', '=', args.tokenHash)
    .where('expires_at', '>', args.nowIso)
    .executeTakeFirst();
}

export function insertGrant(
  db: DbOrTrx,
  row: {
    id: string;
    linkId: string;
    tokenHash: string;
    passwordOk: boolean;
    email: string | null;
    nowIso: string;
    expiresAt: string;
  },
) {
  return db
    .insertInto('share_grants')
    .values({
      id: row.id,
      link_id: row.linkId,
      token_hash: row.tokenHash,
      password_ok: row.passwordOk ? 1 : 0,
      email: row.email,
      created_at: row.nowIso,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function updateGrant(db: DbOrTrx, args: { id: string; set: { password_ok?: number; email?: string } }) {
  return db.updateTable('share_grants').set(args.set).where('id', '=', args.id).execute();
}

export function insertEmailCode(
  db: DbOrTrx,
  row: { id: string; linkId: string; email: string; codeHash: string; nowIso: string; expiresAt: string },
) {
  return db
    .insertInto('share_email_codes')
    .values({
      id: row.id,
      link_id: row.linkId,
      email: row.email,
      code_hash: row.codeHash,
      created_at: row.nowIso,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Burns a live code and answers its e-mail address, or null. The update is the check: of two requests racing with
 * the same code, exactly one changes the row.
 */
export async function consumeEmailCode(
  db: DbOrTrx,
  args: { linkId: string; codeHash: string; nowIso: string },
): Promise<string | null> {
  const code = await db
    .selectFrom('share_email_codes')
    .select(['id', 'email'])
    .where('link_id', '=', args.linkId)
    .where('code_hash', '=', args.codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', args.nowIso)
    .executeTakeFirst();
  if (!code) return null;
  const result = await db
    .updateTable('share_email_codes')
    .set({ used_at: args.nowIso })
    .where('id', '=', code.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? code.email : null;
}
