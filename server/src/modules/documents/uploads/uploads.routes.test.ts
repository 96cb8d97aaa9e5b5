import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import { auditEvents, sha256, spaceWithCast, text, uploaded } from '../documents.test-helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe(`uploading files (${testDialect})`, () => {
  for (const [label, bytes] of [
    ['an empty file', new Uint8Array(0)],
    ['a one-byte file', text('x')],
    ['a 3 MiB random file', randomBytes(3 * 1024 * 1024 + 17)],
  ] as const) {
    it(`${label} comes back byte for byte, with the SHA-256 of what was sent`, async () => {
      const cast = await spaceWithCast(server);
      const document = await uploaded(cast.contributor, cast.spaceId, 'payload.bin', bytes);
      expect(document).toMatchObject({ name: 'payload.bin', size: bytes.length, version: 1 });
      const versions = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
      expect(versions.body.versions).toMatchObject([{ number: 1, sha256: sha256(bytes), size: bytes.length }]);
      const download = await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content`);
      expect(download.status).toBe(200);
      expect(download.bytes.length).toBe(bytes.length);
      expect(sha256(download.bytes)).toBe(sha256(bytes));
    });
  }

  it('the upload is audited with its size and hash, and the file lands in the folder named in the form', async () => {
    const cast = await spaceWithCast(server);
    const folder = await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/folders`, { name: 'Contracts' });
    const bytes = text('signed contract');
    const document = await uploaded(cast.contributor, cast.spaceId, 'Contract.pdf', bytes, {
      folderId: folder.body.folder.id,
      comment: 'first draft',
    });
    expect(document.folderId).toBe(folder.body.folder.id);
    const [event] = await auditEvents(server, 'document.uploaded', document.id);
    expect(event.actor_id).toBe(cast.ids.contributor);
    expect(event.details).toMatchObject({ version: 1, size: bytes.length, sha256: sha256(bytes) });
    const versions = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(versions.body.versions[0]).toMatchObject({ comment: 'first draft', mimeType: 'application/pdf' });
  });

  it('uploading the same name again in the same folder adds a version instead of a second document', async () => {
    const cast = await spaceWithCast(server);
    const first = await uploaded(cast.contributor, cast.spaceId, 'Plan.txt', text('v1'));
    const again = await cast.manager.upload(`/api/v1/spaces/${cast.spaceId}/documents`, {}, 'PLAN.txt', text('v2!'));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: false, document: { id: first.id, name: 'Plan.txt', version: 2 } });
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
    expect(listing.body.documents).toHaveLength(1);
    expect((await auditEvents(server, 'document.version_added', first.id))[0].details).toMatchObject({ version: 2 });
  });

  it('a new version through the document route keeps the name and becomes what downloads return', async () => {
    const cast = await spaceWithCast(server);
    const document = await uploaded(cast.contributor, cast.spaceId, 'Budget.txt', text('old'));
    const response = await cast.contributor.upload(
      `/api/v1/documents/${document.id}/versions`,
      {},
      'whatever.txt',
      text('new'),
    );
    expect(response.status).toBe(201);
    expect(response.body.document).toMatchObject({ name: 'Budget.txt', version: 2, size: 3 });
    expect((await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content`)).bytes.toString()).toBe('new');
  });

  it('a viewer may download but not upload: 403 before the body is read, for new files and new versions', async () => {
    const cast = await spaceWithCast(server);
    const document = await uploaded(cast.owner, cast.spaceId, 'Read me.txt', text('hello'));
    expect((await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content`)).status).toBe(200);
    const asNew = await cast.viewer.upload(`/api/v1/spaces/${cast.spaceId}/documents`, {}, 'mine.txt', text('x'));
    expect(asNew.status).toBe(403);
    const asVersion = await cast.viewer.upload(`/api/v1/documents/${document.id}/versions`, {}, 'x.txt', text('x'));
    expect(asVersion.status).toBe(403);
    const outsider = await cast.outsider.upload(`/api/v1/spaces/${cast.spaceId}/documents`, {}, 'x.txt', text('x'));
    expect(outsider.status).toBe(404);
  });

  it('a request without a file part, or not multipart at all, is refused with a clear problem', async () => {
    const cast = await spaceWithCast(server);
    const form = new FormData();
    form.append('comment', 'no file here');
    const noFile = await cast.contributor.request('POST', `/api/v1/spaces/${cast.spaceId}/documents`, {
      formData: form,
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('documents.file_required');
    const json = await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/documents`, { file: 'nope' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('http.unsupported_media_type');
    const badFolder = await cast.contributor.upload(
      `/api/v1/spaces/${cast.spaceId}/documents`,
      { folderId: 'not-a-uuid' },
      'a.txt',
      text('a'),
    );
    expect(badFolder.status).toBe(400);
    expect(badFolder.body.code).toBe('http.validation_failed');
  });

  it('file names with direction overrides or control characters are refused, nothing is stored', async () => {
    const cast = await spaceWithCast(server);
    for (const name of ['invoice\u202efdp.exe', 'tab\there.txt']) {
      const response = await cast.contributor.upload(`/api/v1/spaces/${cast.spaceId}/documents`, {}, name, text('x'));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('http.validation_failed');
    }
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
    expect(listing.body.documents).toEqual([]);
  });

  it('a file cannot take the name of a folder next to it', async () => {
    const cast = await spaceWithCast(server);
    await cast.contributor.post(`/api/v1/spaces/${cast.spaceId}/folders`, { name: 'Minutes' });
    const response = await cast.contributor.upload(
      `/api/v1/spaces/${cast.spaceId}/documents`,
      {},
      'minutes',
      text('x'),
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('documents.name_taken');
  });

  it('a file larger than MAX_UPLOAD_BYTES is refused with 413 and leaves no document', async () => {
    const small = await startTestServer({ env: { MAX_UPLOAD_BYTES: '1000' } });
    try {
      const cast = await spaceWithCast(small);
      const response = await cast.contributor.upload(
        `/api/v1/spaces/${cast.spaceId}/documents`,
        {},
        'big.bin',
        randomBytes(5000),
      );
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('documents.file_too_large');
      const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
      expect(listing.body.documents).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe(`quota (${testDialect})`, () => {
  it('an upload that would push the space past its quota is refused with 507; copies and versions sharing a blob cost nothing', async () => {
    const cast = await spaceWithCast(server);
    const settings = await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, { quotaBytes: 100 });
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ quotaBytes: 100, keepVersions: null, keepDays: null });
    const first = await uploaded(cast.contributor, cast.spaceId, 'sixty.bin', randomBytes(60));
    const refused = await cast.contributor.upload(
      `/api/v1/spaces/${cast.spaceId}/documents`,
      {},
      'fifty.bin',
      randomBytes(50),
    );
    expect(refused.status).toBe(507);
    expect(refused.body.code).toBe('documents.quota_exceeded');
    const copy = await cast.contributor.post(`/api/v1/documents/${first.id}/copy`, { folderId: null });
    expect(copy.status).toBe(201);
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
    expect(listing.body.usage).toEqual({ bytes: 60, quotaBytes: 100 });
    expect(listing.body.documents.map((d: { name: string }) => d.name)).toEqual(['sixty (copy).bin', 'sixty.bin']);
    expect((await uploaded(cast.contributor, cast.spaceId, 'forty.bin', randomBytes(40))).size).toBe(40);
  });

  it('the kept usage always equals the distinct blobs of the space, through versions, restores, copies and retention', async () => {
    const cast = await spaceWithCast(server);
    const recomputed = async () => {
      const rows = await server.deps.db
        .selectFrom('document_versions as v')
        .innerJoin('documents as d', 'd.id', 'v.document_id')
        .select(['v.blob_sha256', 'v.size'])
        .distinct()
        .where('d.space_id', '=', cast.spaceId)
        .execute();
      return rows.reduce((sum, row) => sum + Number(row.size), 0);
    };
    const usage = async () => (await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`)).body.usage.bytes;
    const doc = await uploaded(cast.contributor, cast.spaceId, 'report.bin', randomBytes(10));
    const v1 = (await cast.viewer.get(`/api/v1/documents/${doc.id}/versions`)).body.versions[0];
    await uploaded(cast.contributor, cast.spaceId, 'report.bin', randomBytes(20));
    await uploaded(cast.contributor, cast.spaceId, 'report.bin', randomBytes(30));
    expect(await usage()).toBe(60);
    // Restoring version 1 points at a blob the space already holds: no new bytes.
    const restored = await cast.contributor.post(`/api/v1/documents/${doc.id}/versions/${v1.id}/restore`);
    expect(restored.status).toBe(200);
    expect(await usage()).toBe(60);
    expect((await cast.contributor.post(`/api/v1/documents/${doc.id}/copy`, { folderId: null })).status).toBe(201);
    expect(await usage()).toBe(60);
    // Keep two versions: the next upload prunes versions 2 and 3 (20 and 30 bytes) and version 1's blob stays (it is
    // also version 4's and the copy's).
    await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, { keepVersions: 2 });
    await uploaded(cast.contributor, cast.spaceId, 'report.bin', randomBytes(5));
    expect(await usage()).toBe(15);
    expect(await usage()).toBe(await recomputed());
  });

  it('only managers change the quota; every member reads it', async () => {
    const cast = await spaceWithCast(server);
    const refused = await cast.contributor.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, {
      quotaBytes: 1,
    });
    expect(refused.status).toBe(403);
    const read = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/document-settings`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ quotaBytes: null, keepVersions: null, keepDays: null });
    expect((await cast.outsider.get(`/api/v1/spaces/${cast.spaceId}/document-settings`)).status).toBe(404);
  });
});
