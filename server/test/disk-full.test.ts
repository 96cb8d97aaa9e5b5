import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from './dialect';
import { addMember, createHostAdmin, createSpace, DEFAULT_PASSWORD } from './factories';
import { startTestServer, type TestServer } from './harness';
import type { HttpClient } from './http-client';

/**
 * The file store on a tiny filesystem (a 4 MiB tmpfs mounted over DATA_DIR/blobs; needs root, as CI runs): an upload
 * that does not fit answers 507 problem+json, leaves nothing partial behind, and the server keeps serving.
 */
let dataDir: string;
let blobsDir: string;
let server: TestServer;
let client: HttpClient;
let spaceId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-full-'));
  blobsDir = join(dataDir, 'blobs');
  mkdirSync(blobsDir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', blobsDir]);
  server = await startTestServer({ dataDir });
  const admin = await createHostAdmin(server.deps.db);
  const space = await createSpace(server.deps.db, { kind: 'project' });
  await addMember(server.deps.db, { spaceId: space.id, userId: admin.id, role: 'owner' });
  spaceId = space.id;
  client = server.client();
  await client.signIn(admin.email, DEFAULT_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  try {
    execFileSync('umount', [blobsDir]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe(`a full disk (${testDialect})`, () => {
  it('an upload larger than the free space answers 507, leaves nothing partial, and the server keeps working', async () => {
    const tooBig = await client.upload(
      `/api/v1/spaces/${spaceId}/documents`,
      {},
      'too-big.bin',
      randomBytes(6 * 1024 * 1024),
    );
    expect(tooBig.status).toBe(507);
    expect(tooBig.headers.get('content-type')).toContain('application/problem+json');
    expect(tooBig.body.code).toBe('documents.storage_full');

    const leftovers = readdirSync(join(blobsDir, 'tmp'));
    expect(leftovers).toEqual([]);
    const listing = await client.get(`/api/v1/spaces/${spaceId}/files`);
    expect(listing.body.documents).toEqual([]);

    expect((await client.get('/healthz')).status).toBe(200);
    const small = await client.upload(`/api/v1/spaces/${spaceId}/documents`, {}, 'fits.txt', Buffer.from('still fine'));
    expect(small.status).toBe(201);
  });
});
