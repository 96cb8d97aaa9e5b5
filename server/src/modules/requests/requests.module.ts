import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { documentRequestRules, folderRequestRules, requestLinkRules } from '../../core/policy/rules/requests.rules';
import { REQUEST_REMINDER_JOB, sendRequestReminder } from './requests.reminders';
import { registerRequestsRoutes } from './requests.routes';
import type { DocumentRequestFilesTable, DocumentRequestItemsTable, DocumentRequestsTable } from './requests.tables';

/** Document requests: a list of documents asked of an outsider, uploaded on a page that shows nothing else. */
export const requestsModule = defineModule<{
  document_requests: DocumentRequestsTable;
  document_request_items: DocumentRequestItemsTable;
  document_request_files: DocumentRequestFilesTable;
}>({
  name: 'requests',
  tables: { document_requests: true, document_request_items: true, document_request_files: true },
  routes: registerRequestsRoutes,
  fixtures: () => import('./requests.test-fixtures').then((fixtures) => fixtures.requestsRouteFixtures),
  jobs: { [REQUEST_REMINDER_JOB]: sendRequestReminder },
  policy: modulePolicy<'requests'>()({
    folder: { read: null, rules: folderRequestRules },
    document_request: { read: 'request.read', capability: 'documents', rules: documentRequestRules },
    link: { read: null, rules: requestLinkRules },
  }),
});
