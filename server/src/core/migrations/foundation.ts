import type { MigrationStep } from '../module';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-blobs';
import * as m0003 from './0003-documents';
import * as m0004 from './0004-search';
import * as m0005 from './0005-shares';
import * as m0006 from './0006-webdav';
import * as m0007 from './0007-thumbnails';
import * as m0008 from './0008-space-usage';
import * as m0009 from './0009-checked-out-index';
import * as m0010 from './0010-listing-stamps';

/** The steps written before modules declared their own; they create tables of several modules, in this order. */

export const foundationMigrations: Record<string, MigrationStep> = {
  '0001-foundation': m0001 as MigrationStep,
  '0002-blobs': m0002 as MigrationStep,
  '0003-documents': m0003 as MigrationStep,
  '0004-search': m0004 as MigrationStep,
  '0005-shares': m0005 as MigrationStep,
  '0006-webdav': m0006 as MigrationStep,
  '0007-thumbnails': m0007 as MigrationStep,
  '0008-space-usage': m0008 as MigrationStep,
  '0009-checked-out-index': m0009 as MigrationStep,
  '0010-listing-stamps': m0010 as MigrationStep,
};
