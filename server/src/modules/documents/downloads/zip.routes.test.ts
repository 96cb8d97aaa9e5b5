import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import { auditEvents, folderCreated, sha256, spaceWithCast, text, uploaded } from '../documents.test-helpers';

let server: TestServer;
let scratch: string;

beforeAll(async () => {
  server = await startTestServer();
  scratch = mkdtempSync(join(tmpdir(), 'gatehouse-zip-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Reads a zip with an independent implementation (Python's zipfile): entry name → SHA-256, after a CRC check. */
function unzip(bytes: Buffer): Record<string, string | null> {
  const file = join(scratch, `${sha256(bytes)}.zip`);
  writeFileSync(file, bytes);
  const script = [
    'import hashlib, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({i.filename: None if i.is_dir() else hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not read the zip: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe(`folder zip downloads (${testDialect})`, () => {
  it('contains every live file of the tree byte for byte under its folder path, and nothing from the trash', async () => {
    const cast = await spaceWithCast(server);
    const top = await folderCreated(cast.contributor, cast.spaceId, 'Deal Room');
    const legal = await folderCreated(cast.contributor, cast.spaceId, 'Légal', top.id);
    await folderCreated(cast.contributor, cast.spaceId, 'Empty', top.id);
    const binned = await folderCreated(cast.contributor, cast.spaceId, 'Binned', top.id);
    const big = randomBytes(1024 * 1024 + 3);
    await uploaded(cast.contributor, cast.spaceId, 'summary.txt', text('summary'), { folderId: top.id });
    await uploaded(cast.contributor, cast.spaceId, 'scan "signed".pdf', big, { folderId: legal.id });
    await uploaded(cast.contributor, cast.spaceId, 'secret.txt', text('binned'), { folderId: binned.id });
    const trashedDoc = await uploaded(cast.contributor, cast.spaceId, 'old.txt', text('old'), { folderId: top.id });
    await cast.contributor.post(`/api/v1/folders/${binned.id}/trash`);
    await cast.contributor.post(`/api/v1/documents/${trashedDoc.id}/trash`);

    const response = await cast.viewer.getBytes(`/api/v1/folders/${top.id}/zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Deal Room.zip"/);
    expect(response.headers.get('content-length')).toBe(String(response.bytes.length));
    expect(unzip(response.bytes)).toEqual({
      'Deal Room/': null,
      'Deal Room/Légal/': null,
      'Deal Room/Empty/': null,
      'Deal Room/summary.txt': sha256(text('summary')),
      'Deal Room/Légal/scan "signed".pdf': sha256(big),
    });
  });

  it('each file in the zip counts as one consultation, plus one record for the archive; HEAD records nothing', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Board pack');
    const a = await uploaded(cast.contributor, cast.spaceId, 'a.txt', text('a'), { folderId: folder.id });
    const b = await uploaded(cast.contributor, cast.spaceId, 'b.txt', text('b'), { folderId: folder.id });
    expect((await cast.viewer.getBytes(`/api/v1/folders/${folder.id}/zip`, {}, 'HEAD')).status).toBe(200);
    expect(await auditEvents(server, 'folder.downloaded', folder.id)).toEqual([]);
    await cast.viewer.getBytes(`/api/v1/folders/${folder.id}/zip`);
    for (const document of [a, b]) {
      const events = await auditEvents(server, 'document.downloaded', document.id);
      expect(events.map((event) => [event.actor_id, event.details.version, event.details.via])).toEqual([
        [cast.ids.viewer, 1, 'zip'],
      ]);
    }
    const [archive] = await auditEvents(server, 'folder.downloaded', folder.id);
    expect(archive.details).toMatchObject({ files: 2 });
  });

  it('a folder in the trash cannot be zipped (409) and an outsider does not see it (404)', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Old');
    expect((await cast.outsider.getBytes(`/api/v1/folders/${folder.id}/zip`)).status).toBe(404);
    await cast.contributor.post(`/api/v1/folders/${folder.id}/trash`);
    const refused = await cast.viewer.getBytes(`/api/v1/folders/${folder.id}/zip`);
    expect(refused.status).toBe(409);
    expect(refused.problem?.code).toBe('documents.in_trash');
  });
});
