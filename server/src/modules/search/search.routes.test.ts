import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostAdmin } from '../../../test/factories';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import type { BlobStore } from '../../core/storage/blob-store';
import { type Cast, spaceWithCast, text, uploaded } from '../documents/documents.test-helpers';
import { signedIn } from '../people/people.test-helpers';
import { INDEX_JOB, indexDocumentJob, queueIndexing, queueRemoval } from './search.jobs';
import { minimalDocx, minimalPdf } from './search.test-fixtures';

let server: TestServer;
let cast: Cast;
let other: Cast;
let admin: HttpClient;

/**
 * Uploads a file, then queues its indexing as the documents service does after an upload (queued here too, so this
 * suite does not depend on that wiring; a second job for the same document is harmless), and runs the jobs.
 */
async function uploadAndIndex(client: HttpClient, spaceId: string, name: string, bytes: Uint8Array) {
  const document = await uploaded(client, spaceId, name, bytes);
  await queue((trx, now) => queueIndexing(trx, now, { documentId: document.id, versionId: null }));
  return document;
}

async function queue(work: (trx: Parameters<typeof queueIndexing>[0], now: Date) => Promise<void>) {
  await server.deps.db.transaction().execute((trx) => work(trx, new Date()));
  await server.runJobs();
}

async function search(client: HttpClient, params: Record<string, string>) {
  return client.get(`/api/v1/search?${new URLSearchParams(params)}`);
}
async function foundNames(client: HttpClient, q: string, params: Record<string, string> = {}) {
  const response = await search(client, { q, ...params });
  expect(response.status, response.text).toBe(200);
  return (response.body.results as { title: string }[]).map((result) => result.title);
}

beforeAll(async () => {
  // Files encrypted at rest: the job must read blobs through their wrapped key, like downloads do.
  server = await startTestServer({ env: { ENCRYPTION_MASTER_KEY: randomBytes(32).toString('base64') } });
  cast = await spaceWithCast(server);
  other = await spaceWithCast(server);
  admin = await signedIn(server, await createHostAdmin(server.deps.db));
  await uploadAndIndex(cast.contributor, cast.spaceId, 'Contract.docx', minimalDocx(['Harbour maintenance agreement']));
  await uploadAndIndex(cast.contributor, cast.spaceId, 'Q1.pdf', minimalPdf('Hello quarterly invoice'));
  await uploadAndIndex(other.contributor, other.spaceId, 'Rival quarterly.txt', text('quarterly figures <b>'));
});

afterAll(async () => {
  await server?.close();
});

describe(`GET /api/v1/search on ${testDialect}`, () => {
  it('an uploaded file is found by its content once the indexing job ran, with a highlighted snippet', async () => {
    const response = await search(cast.viewer, { q: 'harbour' });
    expect(response.status).toBe(200);
    const [result] = response.body.results;
    expect(result.document).toMatchObject({ name: 'Contract.docx', spaceId: cast.spaceId, folderId: null, tags: [] });
    expect(result.document.spaceName).toEqual(expect.any(String));
    expect(result.snippet).toContain('<mark>Harbour</mark>');
    expect(await foundNames(cast.viewer, 'quarterly invoice')).toEqual(['Q1.pdf']);
  });

  it('people find only documents of spaces they belong to; host admins find them all', async () => {
    expect(await foundNames(cast.viewer, 'quarterly')).toEqual(['Q1.pdf']);
    expect(await foundNames(other.viewer, 'quarterly')).toEqual(['Rival quarterly.txt']);
    expect(await foundNames(cast.outsider, 'quarterly')).toEqual([]);
    expect((await foundNames(admin, 'quarterly')).sort()).toEqual(['Q1.pdf', 'Rival quarterly.txt']);
    expect(await foundNames(other.viewer, 'quarterly', { spaceId: cast.spaceId })).toEqual([]);
  });

  it('anonymous callers get 401', async () => {
    expect((await search(server.client(), { q: 'quarterly' })).status).toBe(401);
  });

  it('an empty, blank, too long or malformed query is a 400; odd queries are a 200', async () => {
    const invalid: Record<string, string>[] = [
      {},
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(201) },
      { q: 'y'.repeat(10_240) },
    ];
    for (const params of invalid) {
      const response = await search(cast.viewer, params);
      expect(response.status, JSON.stringify(params).slice(0, 40)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const badFilters: Record<string, string>[] = [{ type: 'spreadsheet' }, { from: 'yesterday' }, { limit: '0' }];
    for (const params of [...badFilters, { spaceId: 'x' }, { from: '2024-02-30' }]) {
      expect((await search(cast.viewer, { q: 'quarterly', ...params })).status).toBe(400);
    }
    for (const q of ['"', '*', 'AND OR NOT', ')(', 'quarterly"', "l'invoice", '<script>', '%', '\\']) {
      const response = await search(cast.viewer, { q });
      expect(response.status, q).toBe(200);
    }
  });

  it('filters by type, date and tag come from the query string', async () => {
    expect(await foundNames(cast.viewer, 'quarterly', { type: 'pdf' })).toEqual(['Q1.pdf']);
    expect(await foundNames(cast.viewer, 'quarterly', { type: 'office' })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await foundNames(cast.viewer, 'quarterly', { from: today, to: today })).toEqual(['Q1.pdf']);
    expect(await foundNames(cast.viewer, 'quarterly', { to: '2020-01-01' })).toEqual([]);
    expect(await foundNames(cast.viewer, 'quarterly', { from: '2020-01-01T00:00:00+02:00' })).toEqual(['Q1.pdf']);
  });

  it('a renamed and tagged document is found by its new name and tags once re-indexed, not by its old name', async () => {
    const document = await uploadAndIndex(cast.contributor, cast.spaceId, 'Draft.txt', text('gooseberry'));
    const changed = await cast.contributor.patch(`/api/v1/documents/${document.id}`, {
      name: 'Final.txt',
      tags: ['Legal'],
    });
    expect(changed.status, changed.text).toBe(200);
    await queue((trx, now) => queueIndexing(trx, now, { documentId: document.id, versionId: null }));
    expect(await foundNames(cast.viewer, 'final gooseberry')).toEqual(['Final.txt']);
    expect(await foundNames(cast.viewer, 'draft')).toEqual([]);
    expect(await foundNames(cast.viewer, 'legal')).toEqual(['Final.txt']);
    expect(await foundNames(cast.viewer, 'gooseberry', { tag: 'legal' })).toEqual(['Final.txt']);
  });

  it('a trashed document disappears at once, before any job runs, and its entry goes with the job', async () => {
    const document = await uploadAndIndex(cast.contributor, cast.spaceId, 'Old plan.txt', text('kumquat'));
    expect(await foundNames(cast.viewer, 'kumquat')).toEqual(['Old plan.txt']);
    expect((await cast.contributor.post(`/api/v1/documents/${document.id}/trash`)).status).toBe(200);
    expect(await foundNames(cast.viewer, 'kumquat')).toEqual([]);
    expect(await foundNames(admin, 'kumquat')).toEqual([]);
    await queue((trx, now) => queueRemoval(trx, now, document.id));
    const entry = server.deps.db.selectFrom('search_documents').selectAll().where('document_id', '=', document.id);
    expect(await entry.execute()).toEqual([]);
  });

  it('a file whose text cannot be read is still found by name, and its job succeeds', async () => {
    await uploadAndIndex(cast.contributor, cast.spaceId, 'Broken scan.pdf', text('%PDF-1.7 this is not a pdf'));
    expect(await foundNames(cast.viewer, 'broken')).toEqual(['Broken scan.pdf']);
    const jobs = await server.deps.db
      .selectFrom('jobs')
      .select(['status'])
      .where('kind', '=', 'search.index_document')
      .execute();
    expect(jobs.every((job) => job.status === 'done')).toBe(true);
  });

  it('a document renamed while its text is being read is indexed again as it is now, not as it was', async () => {
    const document = await uploaded(cast.contributor, cast.spaceId, 'Before.txt', text('persimmon'));
    const blobs: BlobStore = {
      ...server.deps.blobs,
      get: async (sha256, options) => {
        const renamed = await cast.contributor.patch(`/api/v1/documents/${document.id}`, { name: 'After.txt' });
        expect(renamed.status).toBe(200);
        return server.deps.blobs.get(sha256, options);
      },
    };
    await indexDocumentJob({ documentId: document.id, versionId: null }, { ...server.deps, blobs });
    const pending = await server.deps.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', INDEX_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((job) => JSON.parse(job.payload).documentId)).toContain(document.id);
    expect(await foundNames(cast.viewer, 'persimmon')).toEqual([]);
    await server.runJobs();
    expect(await foundNames(cast.viewer, 'after persimmon')).toEqual(['After.txt']);
    expect(await foundNames(cast.viewer, 'before')).toEqual([]);
  });
});

type Hit = { kind: string; id: string; title: string; space: { id: string; name: string } | null; snippet: string };

async function hits(client: HttpClient, q: string, params: Record<string, string> = {}): Promise<Hit[]> {
  const response = await search(client, { q, ...params });
  expect(response.status, response.text).toBe(200);
  return response.body.results;
}

async function folderIn(client: HttpClient, spaceId: string, name: string, parentId?: string): Promise<string> {
  const response = await client.post(`/api/v1/spaces/${spaceId}/folders`, { name, ...(parentId ? { parentId } : {}) });
  expect(response.status, response.text).toBe(201);
  return response.body.folder.id;
}

describe(`search beyond documents on ${testDialect}`, () => {
  let folderId: string;

  beforeAll(async () => {
    const renamed = await cast.owner.patch(`/api/v1/spaces/${cast.spaceId}`, {
      name: 'Wombat Lagoon',
      description: 'Plans & maps of the sanctuary',
    });
    expect(renamed.status, renamed.text).toBe(200);
    folderId = await folderIn(cast.contributor, cast.spaceId, 'Wombat burrows');
    await uploadAndIndex(cast.contributor, cast.spaceId, 'Wombat census.txt', text('head count'));
    await folderIn(other.contributor, other.spaceId, 'Wombat den');
  });

  it('a folder and a space are found by name beside documents, each with a highlighted snippet', async () => {
    const found = await hits(cast.viewer, 'wombat');
    expect(found.map((hit) => `${hit.kind}:${hit.title}`).sort()).toEqual([
      'document:Wombat census.txt',
      'folder:Wombat burrows',
      'space:Wombat Lagoon',
    ]);
    const folder = found.find((hit) => hit.kind === 'folder');
    expect(folder).toMatchObject({ id: folderId, space: { id: cast.spaceId, name: 'Wombat Lagoon' }, folderId: null });
    expect(folder?.snippet).toBe('<mark>Wombat</mark> burrows');
    const [space] = await hits(cast.viewer, 'sanctuary');
    expect(space).toMatchObject({ kind: 'space', id: cast.spaceId, space: { id: cast.spaceId } });
    expect(space.snippet).toBe('Plans &amp; maps of the <mark>sanctuary</mark>');
  });

  it('the kind filter keeps one source, a document type keeps documents only, an unknown kind is a 400', async () => {
    expect(await foundNames(cast.viewer, 'wombat', { kind: 'folder' })).toEqual(['Wombat burrows']);
    expect(await foundNames(cast.viewer, 'wombat', { kind: 'space' })).toEqual(['Wombat Lagoon']);
    expect(await foundNames(cast.viewer, 'wombat', { kind: 'document' })).toEqual(['Wombat census.txt']);
    expect(await foundNames(cast.viewer, 'wombat', { type: 'text' })).toEqual(['Wombat census.txt']);
    expect((await foundNames(cast.viewer, 'wombat', { spaceId: cast.spaceId })).length).toBe(3);
    expect(await foundNames(cast.viewer, 'wombat', { spaceId: other.spaceId })).toEqual([]);
    expect(await foundNames(cast.viewer, 'wombat', { to: '2020-01-01' })).toEqual([]);
    const unknown = await search(cast.viewer, { q: 'wombat', kind: 'ticket' });
    expect(unknown.status).toBe(400);
  });

  it('people of another organization never find anything of a space they are not in, whatever the kind', async () => {
    for (const kind of [undefined, 'document', 'folder', 'space']) {
      const params: Record<string, string> = kind ? { kind } : {};
      expect(await foundNames(cast.outsider, 'wombat', params), kind).toEqual([]);
      expect(await foundNames(cast.outsider, 'sanctuary', params), kind).toEqual([]);
      expect(await foundNames(other.viewer, 'wombat', params), kind).toEqual(
        kind === 'folder' || !kind ? ['Wombat den'] : [],
      );
      const mine = await hits(cast.viewer, 'wombat', params);
      expect(mine.every((hit) => hit.space?.id === cast.spaceId)).toBe(true);
    }
    expect((await foundNames(admin, 'wombat', { kind: 'folder' })).sort()).toEqual(['Wombat burrows', 'Wombat den']);
  });

  it('a renamed folder is found by its new name and no longer by its old one', async () => {
    const id = await folderIn(cast.contributor, cast.spaceId, 'Platypus notes');
    const renamed = await cast.contributor.patch(`/api/v1/folders/${id}`, { name: 'Echidna notes' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(await foundNames(cast.viewer, 'platypus')).toEqual([]);
    expect(await foundNames(cast.viewer, 'echidna')).toEqual(['Echidna notes']);
  });

  it('a trashed folder disappears with the folders inside it, and both come back when it is restored', async () => {
    const parent = await folderIn(cast.contributor, cast.spaceId, 'Narwhal');
    await folderIn(cast.contributor, cast.spaceId, 'Narwhal tusks', parent);
    expect((await foundNames(cast.viewer, 'narwhal')).sort()).toEqual(['Narwhal', 'Narwhal tusks']);
    expect((await cast.contributor.post(`/api/v1/folders/${parent}/trash`)).status).toBe(200);
    expect(await foundNames(cast.viewer, 'narwhal')).toEqual([]);
    expect(await foundNames(admin, 'narwhal')).toEqual([]);
    expect((await cast.contributor.post(`/api/v1/folders/${parent}/restore`)).status).toBe(200);
    expect((await foundNames(cast.viewer, 'narwhal')).sort()).toEqual(['Narwhal', 'Narwhal tusks']);
  });

  it('an archived space is still found by its members, like in their list of spaces', async () => {
    const space = await admin.post('/api/v1/spaces', { name: 'Ocelot archive', kind: 'project' });
    expect(space.status, space.text).toBe(201);
    const id = space.body.space.id;
    expect((await admin.post(`/api/v1/spaces/${id}/archive`)).status).toBe(200);
    expect(await foundNames(admin, 'ocelot')).toEqual(['Ocelot archive']);
    expect(await foundNames(cast.viewer, 'ocelot')).toEqual([]);
  });
});
