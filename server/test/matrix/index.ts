import { auditMatrix } from './audit.matrix';
import type { MatrixCase } from './cast';
import { documentsMatrix } from './documents.matrix';
import { identityMatrix } from './identity.matrix';
import { noticesMatrix, notificationsMatrix } from './notifications.matrix';
import { organizationsMatrix } from './organizations.matrix';
import { peopleMatrix } from './people.matrix';
import { requestsMatrix } from './requests.matrix';
import { sharesMatrix } from './shares.matrix';
import { spacesMatrix } from './spaces.matrix';
import { webdavMatrix } from './webdav.matrix';

/**
 * The authorization matrix, one file per module (named like the module's contract, so the cases of an action sit
 * where its module is). They live here rather than beside each module because they share one cast of actors and one
 * running server, and because they are a test of the whole server over HTTP. A module missing from this list leaves
 * its actions without cases, which the matrix's coverage test reports by name.
 */
export const matrixCases: MatrixCase[] = [
  ...organizationsMatrix,
  ...peopleMatrix,
  ...spacesMatrix,
  ...documentsMatrix,
  ...sharesMatrix,
  ...requestsMatrix,
  ...notificationsMatrix,
  ...noticesMatrix,
  ...identityMatrix,
  ...auditMatrix,
  ...webdavMatrix,
];
