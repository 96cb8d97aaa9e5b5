import { SpaceKind } from '@gatehouse/contracts';
import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { documentRules, folderRules } from '../../core/policy/rules/documents.rules';
import { documentsSettings } from './documents.config';
import { documentsEvents } from './documents.events';
import { registerDocumentsRoutes } from './documents.routes';
import { documentSearchSource, folderSearchSource } from './documents.search';
import type {
  DocumentsTable,
  DocumentThumbnailsTable,
  DocumentVersionsTable,
  FoldersTable,
  ListingStampsTable,
  SpaceBlobsTable,
  SpaceDocumentSettingsTable,
  SpaceUsageTable,
} from './documents.tables';
import { makeThumbnailJob, THUMBNAIL_JOB } from './thumbnails/thumbnails.jobs';
import { registerResumableUploadsRoutes } from './tus/tus.routes';

/** The document library of every space: folders, versions, locks, uploads (multipart and tus), downloads, trash. */
export const documentsModule = defineModule<{
  folders: FoldersTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_thumbnails: DocumentThumbnailsTable;
  space_document_settings: SpaceDocumentSettingsTable;
  space_blobs: SpaceBlobsTable;
  space_usage: SpaceUsageTable;
  listing_stamps: ListingStampsTable;
}>({
  name: 'documents',
  config: { settings: documentsSettings },
  tables: {
    folders: true,
    documents: true,
    document_versions: true,
    document_thumbnails: true,
    space_document_settings: true,
    space_blobs: true,
    space_usage: true,
    listing_stamps: true,
  },
  async routes(app, deps) {
    await registerDocumentsRoutes(app);
    await registerResumableUploadsRoutes(app, deps);
  },
  fixtures: () => import('./documents.test-fixtures').then((fixtures) => fixtures.documentsRouteFixtures),
  jobs: { [THUMBNAIL_JOB]: makeThumbnailJob },
  events: { emits: documentsEvents },
  searchSources: [documentSearchSource, folderSearchSource],
  // Every kind of space holds documents, data rooms included: sharing files is what every space is for today.
  capability: { id: 'documents', defaultFor: SpaceKind.options },
  policy: modulePolicy<'documents'>()({
    folder: { read: 'folder.read', capability: 'documents', rules: folderRules },
    document: { read: 'document.read', capability: 'documents', rules: documentRules },
  }),
});
