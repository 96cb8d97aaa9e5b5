import type { modules } from '../../modules';
import type { TablesOf } from '../module';

/**
 * The whole database as Kysely sees it: the union of the tables every module's manifest declares (modules.ts). A
 * table exists here exactly when a manifest owns it.
 */
export type Database = TablesOf<typeof modules>;
