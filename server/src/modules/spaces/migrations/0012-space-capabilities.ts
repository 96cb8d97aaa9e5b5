import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The capabilities turned on in each space. Every existing space gets its kind's defaults as they were when this
 * step was written: documents, for every kind.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('space_capabilities')
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('capability', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_capabilities_pk', ['space_id', 'capability'])
    .execute();
  await sql`insert into space_capabilities (space_id, capability) select id, 'documents' from spaces`.execute(db);
}
