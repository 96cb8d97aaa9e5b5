import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/auth/actor';
import { allSettings, loadConfig } from '../src/core/config/config';
import { defineSettings, positiveInt } from '../src/core/config/setting';
import { dialectOf } from '../src/core/db/database';
import { collectMigrations, migrateToLatest } from '../src/core/migrations';
import { defineModule, type ModuleManifest } from '../src/core/module';
import { can, compilePolicy, usePolicyOf } from '../src/core/policy/policy';
import { isSuperuser } from '../src/core/policy/predicates';
import type { Resource } from '../src/core/policy/resources';
import { modules } from '../src/modules';
import { jobHandlers } from '../src/server';
import { openTestDatabase } from './database';
import { startTestServer, type TestServer } from './harness';

type WidgetsTable = { id: string; name: string };

/** A module that exists only in this test: the platform must take it in from its manifest alone. */
const widgetsModule = defineModule<{ widgets: WidgetsTable }>({
  name: 'widgets',
  tables: { widgets: true },
  migrations: {
    '9000-widgets': {
      async up(db) {
        await (db as Kysely<never>).schema
          .createTable('widgets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
  routes(app) {
    app.get('/api/v1/widgets', async () => ({ widgets: [] }));
  },
  jobs: { 'widgets.polish': async () => {} },
  policy: {
    global: { read: null, rules: { 'widget.create': (actor: Actor) => isSuperuser(actor) } },
  },
});
const withWidgets: readonly ModuleManifest<object>[] = [...modules, widgetsModule];

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  usePolicyOf(() => modules);
  await cleanup?.();
  cleanup = null;
});

/** Tables an engine or a library creates on its own, owned by no module. */
const foreignTable = (name: string) =>
  name.startsWith('kysely_') || name.startsWith('sqlite_') || /_fts_(data|idx|content|docsize|config)$/.test(name);

describe('module platform', () => {
  it('every table of the migrated database is owned by exactly one module manifest, and every declared table exists', async () => {
    const database = await openTestDatabase();
    cleanup = database.close;
    await migrateToLatest(database.db);
    const tables = (await database.db.introspection.getTables())
      .map((t) => t.name)
      .filter((name) => !foreignTable(name));
    const owners = new Map<string, string[]>();
    for (const manifest of modules) {
      for (const table of Object.keys(manifest.tables))
        owners.set(table, [...(owners.get(table) ?? []), manifest.name]);
    }
    for (const table of tables)
      expect({ table, owners: owners.get(table) ?? [] }).toEqual({ table, owners: [expect.any(String)] });
    // FTS5 virtual tables exist on SQLite only; PostgreSQL keeps the index in a tsvector column of its base table.
    const sqliteOnly = (table: string) => table.endsWith('_fts') && dialectOf(database.db) === 'postgres';
    for (const table of owners.keys()) if (!sqliteOnly(table)) expect(tables).toContain(table);
  });

  it('a new module brings its table, migration, route, job and policy rule from its manifest with no other edit', async () => {
    const database = await openTestDatabase();
    let server: TestServer | null = null;
    cleanup = async () => {
      await server?.close();
      await database.close();
    };
    const applied = await migrateToLatest(database.db, withWidgets);
    expect(applied.at(-1)).toBe('9000-widgets');
    const tables = (await database.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('widgets');

    server = await startTestServer({ modules: withWidgets });
    const anonymous = await server.client().get('/api/v1/widgets');
    expect(anonymous.status).toBe(401);
    expect(Object.keys(jobHandlers(server.deps, withWidgets))).toContain('widgets.polish');

    const admin: Actor = { kind: 'system', label: 'test' };
    const globalResource: Resource = { type: 'global' };
    expect(can(admin, 'widget.create' as never, globalResource)).toBe(false);
    usePolicyOf(() => withWidgets);
    expect(can(admin, 'widget.create' as never, globalResource)).toBe(true);
  });

  it('two modules claiming one migration name, job kind or policy action are refused at start', () => {
    const twin = defineModule({
      name: 'twin',
      tables: {},
      migrations: { '9000-widgets': { up: async () => {} } },
      jobs: { 'widgets.polish': async () => {} },
      policy: { global: { read: null, rules: { 'widget.create': () => true } } },
    });
    const both = [...withWidgets, twin];
    expect(() => collectMigrations(both)).toThrow(/9000-widgets is declared twice/);
    expect(() => compilePolicy(both)).toThrow(/twin redefines global widget.create/);
    expect(() => jobHandlers({ config: { dataDir: '/tmp' }, logger: {} } as never, both)).toThrow(
      /widgets.polish is handled twice/,
    );
  });

  it('a module’s settings are read, defaulted and checked at start with the core’s, and listed in the settings table', () => {
    const tinted = defineModule({
      name: 'tinted',
      tables: {},
      config: {
        settings: defineSettings({ WIDGET_SHADE: { schema: positiveInt.default(3), doc: 'How dark widgets are.' } }),
        check: (config) => ((config as { WIDGET_SHADE?: number }).WIDGET_SHADE === 13 ? ['WIDGET_SHADE: unlucky'] : []),
      },
    });
    const list = [...modules, tinted];
    expect((loadConfig({}, list) as unknown as { WIDGET_SHADE: number }).WIDGET_SHADE).toBe(3);
    expect(() => loadConfig({ WIDGET_SHADE: 'dark' }, list)).toThrow(/WIDGET_SHADE/);
    expect(() => loadConfig({ WIDGET_SHADE: '13' }, list)).toThrow(/WIDGET_SHADE: unlucky/);
    expect(Object.keys(allSettings(list))).toContain('WIDGET_SHADE');
    expect(() => allSettings([...list, { ...tinted, name: 'again' }])).toThrow(/WIDGET_SHADE is declared twice/);
    // Settings of the real modules come from their manifests too.
    expect(Object.keys(allSettings())).toEqual(expect.arrayContaining(['MAX_UPLOAD_BYTES', 'SHARE_LINK_MAX_DAYS']));
  });

  it('a resource type without a read rule is refused: nothing could ever answer 404 for it', () => {
    const readless = defineModule({
      name: 'readless',
      tables: {},
      policy: { widget: { read: null, rules: { 'widget.update': () => true } } },
    });
    expect(() => compilePolicy([...modules, readless])).toThrow(/widget has no read rule/);
  });
});
