import { type Kysely, sql } from 'kysely';

// Migrations are frozen history: they take Kysely<any> because the schema type describes the latest state only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * A stamp per folder listing (a folder's id, or the space's id for its root) that changes with every change to what
 * the listing shows: a member added, changed, moved in or out or deleted, a dead property set on the folder or a
 * member, the folder or the space renamed. Triggers keep it, in the transaction of the change, so no write path can
 * forget it and every instance sees it: a listing rendered under stamp N is still right while the stamp is N.
 */
export async function up(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('listing_stamps')
    .addColumn('folder_key', 'text', (c) => c.primaryKey())
    .addColumn('stamp', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  if (dialect === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

const DOCUMENT_PARENT = (row: 'new' | 'old') => `coalesce(${row}.folder_id, ${row}.space_id)`;
const FOLDER_PARENT = (row: 'new' | 'old') => `coalesce(${row}.parent_id, ${row}.space_id)`;

async function sqliteTriggers(db: AnyDb) {
  const bump = (key: string, where = '') =>
    `insert into listing_stamps (folder_key, stamp) select ${key}, 1 where true ${where}
       on conflict (folder_key) do update set stamp = stamp + 1;`;
  // The parent listing of a resource carrying dead properties: its folder (or space root) if it is a document or a
  // folder; a space's own properties belong to its root, which the bump of the resource id itself covers.
  const bumpParentOf = (id: string) =>
    `insert into listing_stamps (folder_key, stamp)
       select coalesce(d.folder_id, d.space_id), 1 from documents d where d.id = ${id}
       on conflict (folder_key) do update set stamp = stamp + 1;
     insert into listing_stamps (folder_key, stamp)
       select coalesce(f.parent_id, f.space_id), 1 from folders f where f.id = ${id}
       on conflict (folder_key) do update set stamp = stamp + 1;`;
  const triggers = [
    `create trigger documents_listing_ai after insert on documents begin ${bump(DOCUMENT_PARENT('new'))} end`,
    `create trigger documents_listing_au after update on documents begin
       ${bump(DOCUMENT_PARENT('old'))}
       ${bump(DOCUMENT_PARENT('new'), `and ${DOCUMENT_PARENT('new')} is not ${DOCUMENT_PARENT('old')}`)}
     end`,
    `create trigger documents_listing_ad after delete on documents begin ${bump(DOCUMENT_PARENT('old'))} end`,
    `create trigger folders_listing_ai after insert on folders begin ${bump(FOLDER_PARENT('new'))} end`,
    `create trigger folders_listing_au after update on folders begin
       ${bump(FOLDER_PARENT('old'))}
       ${bump(FOLDER_PARENT('new'), `and ${FOLDER_PARENT('new')} is not ${FOLDER_PARENT('old')}`)}
       ${bump('new.id')}
     end`,
    `create trigger folders_listing_ad after delete on folders begin
       ${bump(FOLDER_PARENT('old'))}
       delete from listing_stamps where folder_key = old.id;
     end`,
    `create trigger spaces_listing_au after update on spaces begin ${bump('new.id')} end`,
    `create trigger spaces_listing_ad after delete on spaces begin
       delete from listing_stamps where folder_key = old.id;
     end`,
    `create trigger webdav_properties_listing_ai after insert on webdav_properties begin
       ${bump('new.resource_id')} ${bumpParentOf('new.resource_id')}
     end`,
    `create trigger webdav_properties_listing_au after update on webdav_properties begin
       ${bump('new.resource_id')} ${bumpParentOf('new.resource_id')}
     end`,
    `create trigger webdav_properties_listing_ad after delete on webdav_properties begin
       ${bump('old.resource_id')} ${bumpParentOf('old.resource_id')}
     end`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

async function postgresTriggers(db: AnyDb) {
  await sql`create function bump_listing_stamp(key text) returns void language sql as $$
    insert into listing_stamps (folder_key, stamp) values ($1, 1)
    on conflict (folder_key) do update set stamp = listing_stamps.stamp + 1
  $$`.execute(db);
  // Two listings touched by one row (a move) are bumped in a fixed order, so two moves in opposite directions
  // cannot wait on each other's stamp rows.
  await sql`create function bump_listing_stamps(a text, b text) returns void language plpgsql as $$
  begin
    if a is not distinct from b then perform bump_listing_stamp(a);
    else perform bump_listing_stamp(least(a, b)); perform bump_listing_stamp(greatest(a, b));
    end if;
  end $$`.execute(db);
  const functions: Record<string, string> = {
    documents: `
      if tg_op = 'INSERT' then perform bump_listing_stamp(${DOCUMENT_PARENT('new')});
      elsif tg_op = 'UPDATE' then perform bump_listing_stamps(${DOCUMENT_PARENT('old')}, ${DOCUMENT_PARENT('new')});
      else perform bump_listing_stamp(${DOCUMENT_PARENT('old')});
      end if;`,
    folders: `
      if tg_op = 'INSERT' then perform bump_listing_stamp(${FOLDER_PARENT('new')});
      elsif tg_op = 'UPDATE' then
        perform bump_listing_stamps(${FOLDER_PARENT('old')}, ${FOLDER_PARENT('new')});
        perform bump_listing_stamp(new.id);
      else
        perform bump_listing_stamp(${FOLDER_PARENT('old')});
        delete from listing_stamps where folder_key = old.id;
      end if;`,
    spaces: `
      if tg_op = 'UPDATE' then perform bump_listing_stamp(new.id);
      else delete from listing_stamps where folder_key = old.id;
      end if;`,
    webdav_properties: `
      declare
        resource text := case when tg_op = 'DELETE' then old.resource_id else new.resource_id end;
        parent text := coalesce(
          (select coalesce(d.folder_id, d.space_id) from documents d where d.id = resource),
          (select coalesce(f.parent_id, f.space_id) from folders f where f.id = resource));
      begin
        perform bump_listing_stamps(resource, coalesce(parent, resource));
      end;`,
  };
  const events: Record<string, string> = {
    documents: 'insert or update or delete',
    folders: 'insert or update or delete',
    spaces: 'update or delete',
    webdav_properties: 'insert or update or delete',
  };
  for (const [table, body] of Object.entries(functions)) {
    await sql
      .raw(
        `create function ${table}_listing_stamp() returns trigger language plpgsql as $$
         begin ${body} return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_listing_stamp after ${events[table]} on ${table}
         for each row execute function ${table}_listing_stamp()`,
      )
      .execute(db);
  }
}
