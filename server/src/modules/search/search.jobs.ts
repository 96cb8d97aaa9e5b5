import type { DocumentSummary, DocumentVersion } from '@gatehouse/contracts';
import { z } from 'zod';
import { type Deps, type RequestContext, systemContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { AppError } from '../../core/http/errors';
import { enqueueJob } from '../../core/jobs/jobs';
import { indexDocument, indexedText, removeDocument } from '../../core/search/search';
import { getBlobRow } from '../../core/storage/blobs.queries';
import { getDocument, listVersions } from '../documents';
import { extractorFor, extractText, MAX_SOURCE_BYTES, readCapped } from './extract';

/**
 * The indexing job brings a document's index entry in line with the document as it is when the job runs: indexed
 * when live, removed when trashed or deleted. Jobs may therefore run in any order, twice, or late, and the index
 * still ends up right; a trashed document is filtered out of results by the query itself meanwhile.
 */
export const INDEX_JOB = 'search.index_document';

const Payload = z.object({ documentId: z.string().min(1).max(100), versionId: z.string().max(100).nullable() });

/**
 * Queues (re)indexing in the caller's transaction. The document library does not call it: its events do, through
 * `search.subscribers.ts` (a new version, a rename or a change of tags or description, a restore from the trash).
 */
export async function queueIndexing(trx: DbOrTrx, now: Date, input: { documentId: string; versionId: string | null }) {
  await enqueueJob(trx, now, { kind: INDEX_JOB, payload: Payload.parse(input) });
}

/** Queues removal from the index in the caller's transaction, when a document goes to the trash. */
export async function queueRemoval(trx: DbOrTrx, now: Date, documentId: string) {
  await enqueueJob(trx, now, { kind: INDEX_JOB, payload: { documentId, versionId: null } });
}

/** The document through the documents service (as the system), or null when it no longer exists. */
async function loadDocument(ctx: RequestContext, id: string) {
  try {
    const document = await getDocument(ctx, { id });
    const versions = await listVersions(ctx, { id });
    return { document, current: versions.find((version) => version.current) ?? null };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

type Text = { text: string; versionId: string | null };

/**
 * The text of the current version: the one already indexed when the version has not changed (a rename does not
 * extract again), else extracted now. A failure indexes the name only and is logged, never retried for ever; the
 * entry then records no version, so the next change of the document tries again.
 */
async function currentText(deps: Deps, document: DocumentSummary, version: DocumentVersion | null): Promise<Text> {
  if (!version) return { text: '', versionId: null };
  const known = await indexedText(deps.db, { documentId: document.id, versionId: version.id });
  if (known !== null) return { text: known, versionId: version.id };
  const extractor = extractorFor(version.mimeType);
  if (!extractor || version.size > MAX_SOURCE_BYTES) return { text: '', versionId: version.id };
  try {
    const blob = await getBlobRow(deps.db, version.sha256);
    const stream = await deps.blobs.get(version.sha256, { wrappedKey: blob?.wrappedKey });
    const bytes = await readCapped(stream, MAX_SOURCE_BYTES);
    if (!bytes) return { text: '', versionId: version.id };
    return { text: await extractText(bytes, extractor), versionId: version.id };
  } catch (error) {
    deps.logger.warn(
      { err: error, documentId: document.id, versionId: version.id, mimeType: version.mimeType },
      'search: text extraction failed, the document is indexed by name only',
    );
    return { text: '', versionId: null };
  }
}

export async function indexDocumentJob(payload: unknown, deps: Deps): Promise<void> {
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) {
    deps.logger.warn({ payload }, 'search: malformed indexing job ignored');
    return;
  }
  const { documentId } = parsed.data;
  const loaded = await loadDocument(systemContext(deps, 'search'), documentId);
  if (!loaded || loaded.document.trashedAt) {
    await removeDocument(deps.db, documentId);
    return;
  }
  const { document, current } = loaded;
  const { text, versionId } = await currentText(deps, document, current);
  const written = await deps.db.transaction().execute(async (trx) => {
    const done = await indexDocument(trx, {
      documentId,
      versionId,
      name: document.name,
      text,
      tags: document.tags,
      description: document.description,
      updatedAt: document.updatedAt,
      indexedAt: deps.clock.now().toISOString(),
    });
    // The document changed while its text was being read: go again with what it is now rather than rely on the
    // change having queued a job of its own.
    if (!done) await queueIndexing(trx, deps.clock.now(), { documentId, versionId: null });
    return done;
  });
  if (!written) deps.wakeJobs();
}
