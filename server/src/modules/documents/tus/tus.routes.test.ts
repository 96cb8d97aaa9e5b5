import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../../test/harness';
import type { HttpClient, HttpResponse } from '../../../../test/http-client';
import { auditEvents, folderCreated, sha256, spaceWithCast, text, uploaded } from '../documents.test-helpers';
import { createPartialStore, expirePartialUploads } from './tus.service';

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
});
afterAll(async () => {
  await server?.close();
});

/** One tus request with the client's session cookie and CSRF token, like tus-js-client in the browser. */
async function tus(
  client: HttpClient | null,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array,
): Promise<HttpResponse> {
  const all: Record<string, string> = { 'tus-resumable': '1.0.0', origin: server.url, ...headers };
  if (client && client.cookies.size > 0) all.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client?.csrfToken && method !== 'HEAD') all['x-csrf-token'] ??= client.csrfToken;
  if (body) all['content-type'] = 'application/offset+octet-stream';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: all,
    body: body ? new Blob([new Uint8Array(body)]) : undefined,
  });
  const responseText = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json') && responseText;
  return {
    status: response.status,
    headers: response.headers,
    text: responseText,
    body: json ? JSON.parse(json) : null,
  };
}

const b64 = (value: string) => Buffer.from(value).toString('base64');
const metadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${b64(value)}`)
    .join(',');

async function created(client: HttpClient, spaceId: string, size: number, fields: Record<string, string> = {}) {
  const response = await tus(client, 'POST', `/api/v1/spaces/${spaceId}/uploads`, {
    'upload-length': String(size),
    'upload-metadata': metadata({ filename: 'big.bin', ...fields }),
  });
  expect(response.status, response.text).toBe(201);
  const location = response.headers.get('location') ?? '';
  expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f-]{36}$/);
  return location;
}

const append = (client: HttpClient, location: string, offset: number, bytes: Uint8Array) =>
  tus(client, 'PATCH', location, { 'upload-offset': String(offset) }, bytes);

/** A PATCH whose connection drops after `sent` bytes of `bytes`: the server keeps what arrived. */
async function interruptedAppend(
  client: HttpClient,
  location: string,
  offset: number,
  bytes: Uint8Array,
  sent: number,
) {
  const abort = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, sent));
      setTimeout(() => abort.abort(), 200);
    },
  });
  const headers: Record<string, string> = {
    'tus-resumable': '1.0.0',
    'upload-offset': String(offset),
    'content-type': 'application/offset+octet-stream',
    origin: server.url,
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': client.csrfToken ?? '',
  };
  const init = { method: 'PATCH', headers, body, duplex: 'half', signal: abort.signal } as RequestInit;
  await expect(fetch(`${server.url}${location}`, init)).rejects.toThrow();
}

const partialFiles = () => readdirSync(join(server.dataDir, 'tus'));

describe(`resumable uploads with tus (${testDialect})`, () => {
  it('a 3-chunk upload interrupted in the second chunk resumes from the offset HEAD reports and ends as one document', async () => {
    const cast = await spaceWithCast(server);
    const folder = await folderCreated(cast.contributor, cast.spaceId, 'Large files');
    const bytes = randomBytes(3 * 256 * 1024 + 123);
    const chunks = [bytes.subarray(0, 262_144), bytes.subarray(262_144, 524_288), bytes.subarray(524_288)];
    const location = await created(cast.contributor, cast.spaceId, bytes.length, {
      folderId: folder.id,
      comment: 'sent in pieces',
    });

    const first = await append(cast.contributor, location, 0, chunks[0]);
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe(String(chunks[0].length));
    // The connection drops in the middle of the second chunk: the client asks where to resume.
    await interruptedAppend(cast.contributor, location, chunks[0].length, chunks[1], 100_000);
    const head = await tus(cast.contributor, 'HEAD', location);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThanOrEqual(chunks[0].length);
    expect(offset).toBeLessThanOrEqual(chunks[0].length + 100_000);
    expect(head.headers.get('upload-length')).toBe(String(bytes.length));
    const listedMeanwhile = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${folder.id}`);
    expect(listedMeanwhile.body.documents).toEqual([]);

    const rest = bytes.subarray(offset);
    const middle = rest.length - chunks[2].length;
    expect((await append(cast.contributor, location, offset, rest.subarray(0, middle))).status).toBe(204);
    const last = await append(cast.contributor, location, offset + middle, rest.subarray(middle));
    expect(last.status, last.text).toBe(200);
    expect(last.headers.get('upload-offset')).toBe(String(bytes.length));
    expect(last.body).toMatchObject({ created: true, document: { name: 'big.bin', size: bytes.length, version: 1 } });
    const document = last.body.document;
    expect(document.folderId).toBe(folder.id);

    const download = await cast.viewer.getBytes(`/api/v1/documents/${document.id}/content`);
    expect(sha256(download.bytes)).toBe(sha256(bytes));
    const versions = await cast.viewer.get(`/api/v1/documents/${document.id}/versions`);
    expect(versions.body.versions).toMatchObject([{ number: 1, sha256: sha256(bytes), comment: 'sent in pieces' }]);
    const [event] = await auditEvents(server, 'document.uploaded', document.id);
    expect(event.details).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files?folderId=${folder.id}`);
    expect(listing.body.documents.map((d: { id: string }) => d.id)).toEqual([document.id]);
    expect(partialFiles().filter((name) => location.endsWith(name.replace('.json', '')))).toEqual([]);
    expect((await tus(cast.contributor, 'HEAD', location)).status).toBe(404);
  });

  it('a finished upload named like a live document becomes its next version', async () => {
    const cast = await spaceWithCast(server);
    const existing = await uploaded(cast.contributor, cast.spaceId, 'big.bin', text('v1'));
    const bytes = text('version two');
    const location = await created(cast.contributor, cast.spaceId, bytes.length);
    const done = await append(cast.contributor, location, 0, bytes);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ created: false, document: { id: existing.id, version: 2 } });
  });

  it('an empty file is committed at creation and the 201 still names the upload', async () => {
    const cast = await spaceWithCast(server);
    const response = await tus(cast.contributor, 'POST', `/api/v1/spaces/${cast.spaceId}/uploads`, {
      'upload-length': '0',
      'upload-metadata': metadata({ filename: 'empty.txt' }),
    });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get('location')).toMatch(/^\/api\/v1\/uploads\//);
    expect(response.body).toMatchObject({ created: true, document: { name: 'empty.txt', size: 0 } });
    expect((await tus(cast.contributor, 'HEAD', response.headers.get('location') ?? '')).status).toBe(404);
  });

  it('an Upload-Length over the upload limit or the quota left is refused before any byte, with problem+json', async () => {
    const cast = await spaceWithCast(server);
    const before = partialFiles().length;
    const tooLarge = await tus(cast.contributor, 'POST', `/api/v1/spaces/${cast.spaceId}/uploads`, {
      'upload-length': String(MAX_UPLOAD_BYTES + 1),
      'upload-metadata': metadata({ filename: 'huge.bin' }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLarge.body.code).toBe('documents.file_too_large');

    await cast.manager.patch(`/api/v1/spaces/${cast.spaceId}/document-settings`, { quotaBytes: 1000 });
    const overQuota = await tus(cast.contributor, 'POST', `/api/v1/spaces/${cast.spaceId}/uploads`, {
      'upload-length': '1001',
      'upload-metadata': metadata({ filename: 'a bit much.bin' }),
    });
    expect(overQuota.status).toBe(507);
    expect(overQuota.body.code).toBe('documents.quota_exceeded');
    expect(partialFiles().length).toBe(before);
  });

  it('a viewer gets 403, a non-member 404 and an anonymous caller 401 when starting an upload', async () => {
    const cast = await spaceWithCast(server);
    const path = `/api/v1/spaces/${cast.spaceId}/uploads`;
    const headers = { 'upload-length': '10', 'upload-metadata': metadata({ filename: 'x.bin' }) };
    expect((await tus(cast.viewer, 'POST', path, headers)).status).toBe(403);
    expect((await tus(cast.outsider, 'POST', path, headers)).status).toBe(404);
    const anonymous = await tus(null, 'POST', path, headers);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a cookie session must send the CSRF token to start or continue an upload', async () => {
    const cast = await spaceWithCast(server);
    const refused = await tus(cast.contributor, 'POST', `/api/v1/spaces/${cast.spaceId}/uploads`, {
      'upload-length': '3',
      'upload-metadata': metadata({ filename: 'x.bin' }),
      'x-csrf-token': 'wrong',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('http.csrf_failed');
  });

  it("another person, even a manager of the space, cannot see, continue or end someone's upload: 404", async () => {
    const cast = await spaceWithCast(server);
    const location = await created(cast.contributor, cast.spaceId, 10);
    for (const other of [cast.manager, cast.outsider]) {
      expect((await tus(other, 'HEAD', location)).status).toBe(404);
      expect((await append(other, location, 0, text('0123456789'))).status).toBe(404);
      expect((await tus(other, 'DELETE', location)).status).toBe(404);
    }
    expect((await tus(null, 'HEAD', location)).status).toBe(401);
    expect((await tus(cast.contributor, 'HEAD', location)).headers.get('upload-offset')).toBe('0');
  });

  it('DELETE terminates an upload and removes its partial file', async () => {
    const cast = await spaceWithCast(server);
    const location = await created(cast.contributor, cast.spaceId, 100);
    await append(cast.contributor, location, 0, text('half of it'));
    const id = location.split('/').pop() as string;
    expect(partialFiles()).toContain(id);
    const terminated = await tus(cast.contributor, 'DELETE', location);
    expect(terminated.status).toBe(204);
    expect(partialFiles().filter((name) => name.startsWith(id))).toEqual([]);
    expect((await tus(cast.contributor, 'HEAD', location)).status).toBe(404);
    const listing = await cast.viewer.get(`/api/v1/spaces/${cast.spaceId}/files`);
    expect(listing.body.documents).toEqual([]);
  });

  it('partial uploads abandoned for more than 24 hours are deleted', async () => {
    const cast = await spaceWithCast(server);
    const stale = (await created(cast.contributor, cast.spaceId, 100)).split('/').pop() as string;
    const fresh = (await created(cast.contributor, cast.spaceId, 100)).split('/').pop() as string;
    const info = join(server.dataDir, 'tus', `${stale}.json`);
    const record = JSON.parse(readFileSync(info, 'utf8'));
    record.creation_date = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    writeFileSync(info, JSON.stringify(record));

    expect(await expirePartialUploads(createPartialStore(server.deps))).toBe(1);
    expect(partialFiles().filter((name) => name.startsWith(stale))).toEqual([]);
    expect(partialFiles()).toContain(fresh);
  });
});
