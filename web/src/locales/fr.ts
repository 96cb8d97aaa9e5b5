import { adminFr } from '../features/admin/admin.locale.fr';
import { documentsFr } from '../features/documents/documents.locale.fr';
import { identityFr } from '../features/identity/identity.locale.fr';
import { requestsFr } from '../features/requests/requests.locale.fr';
import { searchFr } from '../features/search/search.locale.fr';
import { sharesFr } from '../features/shares/shares.locale.fr';
import { spacesFr } from '../features/spaces/spaces.locale.fr';
import { coreFr } from './core.fr';
import type { Messages } from './en';

/** Catalogue français : exactement les clés de l'anglais (une clé manquante est une erreur de type). */
export const fr: Messages = {
  ...coreFr,
  ...identityFr,
  ...spacesFr,
  ...documentsFr,
  ...sharesFr,
  ...requestsFr,
  ...adminFr,
  ...searchFr,
};
