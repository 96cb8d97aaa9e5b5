import { type Subscriber, subscribe } from '../../core/events/events';
import { queueIndexing, queueRemoval } from './search.jobs';

/** The fields of a document its index entry holds: a move or another change leaves the entry as it is. */
const INDEXED_FIELDS = new Set(['name', 'tags', 'description']);

/**
 * Keeps the document index in step with the document library. The subscriber only queues the indexing job in its
 * delivery transaction (reading a file and extracting its text has no place in a transaction); the job brings the
 * entry in line with the document as it is when it runs, so a late or repeated job still ends right.
 */
// Annotated: inferring the type from the initializer would run through the Database type, which comes from the
// manifests that list these subscribers.
export const searchSubscribers: Record<string, Subscriber> = {
  'search.index_documents': subscribe(
    ['document.version_added', 'document.updated', 'document.restored', 'document.trashed'],
    async (trx, event, deps) => {
      const now = deps.clock.now();
      const { documentId } = event.payload;
      if (event.name === 'document.trashed') return queueRemoval(trx, now, documentId);
      if (event.name === 'document.updated' && !event.payload.changed.some((field) => INDEXED_FIELDS.has(field)))
        return;
      const versionId = event.name === 'document.version_added' ? event.payload.versionId : null;
      await queueIndexing(trx, now, { documentId, versionId });
    },
  ),
};
