import { adminEn } from '../features/admin/admin.locale.en';
import { documentsEn } from '../features/documents/documents.locale.en';
import { identityEn } from '../features/identity/identity.locale.en';
import { requestsEn } from '../features/requests/requests.locale.en';
import { searchEn } from '../features/search/search.locale.en';
import { sharesEn } from '../features/shares/shares.locale.en';
import { spacesEn } from '../features/spaces/spaces.locale.en';
import { coreEn } from './core.en';

/**
 * English catalogue, the reference: the core strings (app, layout, errors) and each feature's own. The feature
 * registry test checks that every registered feature's strings are here and that no two catalogues share a key.
 */
export const en = {
  ...coreEn,
  ...identityEn,
  ...spacesEn,
  ...documentsEn,
  ...sharesEn,
  ...requestsEn,
  ...adminEn,
  ...searchEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
