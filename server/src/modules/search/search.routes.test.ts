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
  return (response.body.results as { document: { name: string } }[]).map((result) => result.document.name);
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
