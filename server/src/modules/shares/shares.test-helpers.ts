import { expect } from 'vitest';
import type { TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import { type Cast, folderCreated, spaceWithCast, text, uploaded } from '../documents/documents.test-helpers';

type SharedSpace = Cast & {
  folder: { id: string; name: string };
  sub: { id: string; name: string };
  outside: { id: string; name: string };
  inFolder: { id: string; name: string };
  inSub: { id: string; name: string };
  atRoot: { id: string; name: string };
  secret: { id: string; name: string };
};

/**
 * A space with one person per role and files: "Deliverables/report.txt", "Deliverables/Drafts/draft.txt",
 * "Internal/secret.txt" and "root.txt" at the root.
 */
export async function sharedSpace(server: TestServer): Promise<SharedSpace> {
  const cast = await spaceWithCast(server);
  const folder = await folderCreated(cast.contributor, cast.spaceId, 'Deliverables');
  const sub = await folderCreated(cast.contributor, cast.spaceId, 'Drafts', folder.id);
  const outside = await folderCreated(cast.contributor, cast.spaceId, 'Internal');
  const up = (name: string, body: string, folderId?: string) =>
    uploaded(cast.contributor, cast.spaceId, name, text(body), folderId ? { folderId } : {});
  return {
    ...cast,
    folder,
    sub,
    outside,
    inFolder: await up('report.txt', 'the report', folder.id),
    inSub: await up('draft.txt', 'a draft', sub.id),
    atRoot: await up('root.txt', 'at the root'),
    secret: await up('secret.txt', 'internal only', outside.id),
  };
}

type CreatedLink = { id: string; url: string; token: string; status: string; [key: string]: unknown };

/** Creates a share link through the API and expects 201. */
export async function linkCreated(
  client: HttpClient,
  target: { type: 'documents' | 'folders'; id: string },
  body: Record<string, unknown> = {},
): Promise<CreatedLink> {
  const response = await client.post(`/api/v1/${target.type}/${target.id}/share-links`, body);
  expect(response.status, response.text).toBe(201);
  const link = response.body.link as CreatedLink;
  return { ...link, token: link.url.split('/s/')[1] };
}

export const shareApi = (token: string, rest = '') => `/api/v1/share/${token}${rest}`;

/** Reads a row's download count straight from the table. */
export async function downloadCount(server: TestServer, linkId: string): Promise<number> {
  const row = await server.deps.db
    .selectFrom('share_links')
    .select('download_count')
    .where('id', '=', linkId)
    .executeTakeFirstOrThrow();
  return Number(row.download_count);
}

/** Polls until `check` holds (the completion of a download is recorded just after its last byte left). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
