import { defineModule } from '../../core/module';
import { modulePolicy } from '../../core/policy/policy';
import { documentShareRules, folderShareRules, linkRules, shareLinkRules } from '../../core/policy/rules/shares.rules';
import { checkSharesSettings, sharesSettings } from './shares.config';
import { sharesEvents } from './shares.events';
import { registerSharesRoutes } from './shares.routes';
import type { ShareAccessesTable, ShareEmailCodesTable, ShareGrantsTable, ShareLinksTable } from './shares.tables';

/** Share links: a file or a folder given to people without an account, with its own access log. */
export const sharesModule = defineModule<{
  share_links: ShareLinksTable;
  share_grants: ShareGrantsTable;
  share_email_codes: ShareEmailCodesTable;
  share_accesses: ShareAccessesTable;
}>({
  name: 'shares',
  config: { settings: sharesSettings, check: checkSharesSettings },
  tables: { share_links: true, share_grants: true, share_email_codes: true, share_accesses: true },
  routes: registerSharesRoutes,
  fixtures: () => import('./shares.test-fixtures').then((fixtures) => fixtures.sharesRouteFixtures),
  events: { emits: sharesEvents },
  policy: modulePolicy<'shares'>()({
    folder: { read: null, rules: folderShareRules },
    document: { read: null, rules: documentShareRules },
    share_link: { read: 'share.read', capability: 'documents', rules: shareLinkRules },
    link: { read: 'link.open', rules: linkRules },
  }),
});
