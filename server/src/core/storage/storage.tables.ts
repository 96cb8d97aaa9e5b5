import type { ColumnType } from 'kysely';

/** One row per stored blob: written in the transaction that first points at it, after the bytes are durable. */
export type BlobsTable = {
  sha256: string;
  /** bigint: PostgreSQL's driver returns it as a string, so read it through Number(). */
  size: ColumnType<number | string, number, never>;
  /** Data key wrapped by ENCRYPTION_MASTER_KEY; null for a blob stored in clear. */
  wrapped_key: string | null;
  storage: 'local' | 's3';
  created_at: string;
};
