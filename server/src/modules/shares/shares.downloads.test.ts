import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { uploaded } from '../documents/documents.test-helpers';
import { downloadCount, eventually, linkCreated, shareApi, sharedSpace } from './shares.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Reads the first chunk of the body, then drops the connection, like a browser whose download was cancelled. */
function abortMidBody(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve(chunk.length);
      });
    });
    req.on('error', () => {});
    req.once('error', reject);
    req.end();
  });
}

const big = randomBytes(32 * 1024 * 1024);

describe(`download limits count completed downloads (${testDialect})`, () => {
  it('an aborted download does not count; a completed one does; then the link is used up (410)', async () => {
    const space = await sharedSpace(server);
    const file = await uploaded(space.contributor, space.spaceId, 'big.bin', big);
    const link = await linkCreated(space.contributor, { type: 'documents', id: file.id }, { maxDownloads: 1 });
    const url = `${server.url}${shareApi(link.token, '/content')}`;

    const received = await abortMidBody(url);
    expect(received).toBeLessThan(big.length);
    await eventually(async () => {
      const row = await server.deps.db
        .selectFrom('share_accesses')
        .select('id')
        .where('link_id', '=', link.id)
        .executeTakeFirst();
      return Boolean(row);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await downloadCount(server, link.id)).toBe(0);
    const started = await space.contributor.get(`/api/v1/share-links/${link.id}/access-log`);
    expect(started.body.entries[0]).toMatchObject({ kind: 'download', completed: false });

    const whole = await server.client().getBytes(shareApi(link.token, '/content'));
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(big)).toBe(true);
    await eventually(async () => (await downloadCount(server, link.id)) === 1);
    const again = await server.client().getBytes(shareApi(link.token, '/content'));
    expect(again.status).toBe(410);
    expect(again.problem?.code).toBe('shares.download_limit_reached');
  });

  it('a limited link ignores Range, so a file cannot be fetched piece by piece past the limit', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(
      space.contributor,
      { type: 'documents', id: space.inFolder.id },
      { maxDownloads: 2 },
    );
    const ranged = await server.client().getBytes(shareApi(link.token, '/content'), { range: 'bytes=0-2' });
    expect(ranged.status).toBe(200);
    expect(ranged.bytes.toString()).toBe('the report');
    expect(ranged.headers.get('accept-ranges')).toBeNull();
  });

  it('a folder zip counts once it completed', async () => {
    const space = await sharedSpace(server);
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id }, { maxDownloads: 1 });
    const view = await server.client().get(shareApi(link.token));
    expect(view.body.downloadsLeft).toBe(1);
    const zip = await server.client().getBytes(shareApi(link.token, '/zip'));
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');
    await eventually(async () => (await downloadCount(server, link.id)) === 1);
    expect((await server.client().getBytes(shareApi(link.token, '/zip'))).status).toBe(410);
    const log = await space.contributor.get(`/api/v1/share-links/${link.id}/access-log`);
    expect(log.body.entries[0]).toMatchObject({ kind: 'zip', what: 'Deliverables.zip', completed: true });
  });

  it('an aborted zip does not count', async () => {
    const space = await sharedSpace(server);
    await uploaded(space.contributor, space.spaceId, 'big.bin', big, { folderId: space.folder.id });
    const link = await linkCreated(space.contributor, { type: 'folders', id: space.folder.id }, { maxDownloads: 1 });
    await abortMidBody(`${server.url}${shareApi(link.token, '/zip')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await downloadCount(server, link.id)).toBe(0);
    expect((await server.client().get(shareApi(link.token))).status).toBe(200);
  });
});
