import { parseArgs } from 'node:util';
import { buildApp } from '../app';
import { verifyChain } from '../core/audit/audit';
import { createDeps } from '../core/bootstrap';
import type { Config } from '../core/config/config';
import { systemContext } from '../core/context';
import { AppError } from '../core/http/errors';
import { migrateToLatest } from '../core/migrations';
import { checkBlobStore, summarizeFsck } from '../core/storage/fsck';
import { issueApiTokenForEmail } from '../modules/identity';
import { createOrganization, ensureHostOrganization, findOrganizationByNameOrId } from '../modules/organizations';
import { createPersonWithPassword, disablePersonByEmail } from '../modules/people';
import { createSpaceForOwnerEmail } from '../modules/spaces';
import { seedDemo } from './seed';

type Options = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>): Options {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Options;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Options, ...names: string[]): void {
  const missing = names.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(', ')}`);
}

/** Runs one operator command with the same configuration as the server; returns the exit code. */
export async function runCommand(config: Config, command: string, args: string[], usage: string): Promise<number> {
  const [sub, ...rest] = args;
  const key = ['org', 'user', 'space', 'token'].includes(command) ? `${command} ${sub ?? ''}` : command;
  const commandArgs = ['org', 'user', 'space', 'token'].includes(command) ? rest : args;
  const handler = handlers[key.trim()];
  if (!handler) {
    console.error(`Unknown command: ${key.trim()}\n\n${usage}`);
    return 2;
  }
  const deps = await createDeps(config);
  try {
    await ensureHostOrganization(deps);
    return await handler(deps, commandArgs);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`gatehouse ${key.trim()}: ${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`gatehouse ${key.trim()}: ${error.detail ?? error.title} (${error.code})`);
      return 1;
    }
    throw error;
  } finally {
    await deps.db.destroy();
  }
}

type Handler = (deps: Awaited<ReturnType<typeof createDeps>>, args: string[]) => Promise<number>;

const handlers: Record<string, Handler> = {
  async migrate(deps) {
    const applied = await migrateToLatest(deps.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  },

  async 'verify-audit'(deps) {
    const { checked, problems } = await verifyChain(deps.db);
    if (problems.length === 0) {
      console.log(`Audit trail intact: ${checked} events verified.`);
      return 0;
    }
    console.error(`Audit trail TAMPERED: ${problems.length} problem(s) in ${checked} events:`);
    for (const p of problems) console.error(`  seq ${p.seq} (id ${p.id ?? '?'}): ${p.problem}`);
    return 3;
  },

  async fsck(deps, args) {
    const values = parse(args, {
      repair: { type: 'boolean' },
      'verify-hashes': { type: 'boolean' },
      'no-verify-hashes': { type: 'boolean' },
    });
    const verifyHashes = values['no-verify-hashes']
      ? false
      : values['verify-hashes'] === true || deps.blobs.kind === 'local';
    const report = await checkBlobStore({
      ...deps,
      now: deps.clock.now(),
      verifyHashes,
      repair: values.repair === true,
    });
    const { out, err, code } = summarizeFsck(report);
    for (const line of out) console.log(line);
    for (const line of err) console.error(line);
    return code;
  },

  async 'org create'(deps, args) {
    const values = parse(args, { name: { type: 'string' }, kind: { type: 'string' } });
    required(values, 'name', 'kind');
    const organization = await createOrganization(systemContext(deps), {
      name: values.name as string,
      kind: values.kind as never,
    });
    console.log(`Created organization ${organization.name} (${organization.kind}) id=${organization.id}`);
    return 0;
  },

  async 'user create'(deps, args) {
    const values = parse(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean' },
    });
    required(values, 'email', 'name', 'password');
    const ctx = systemContext(deps);
    const organization = await findOrganizationByNameOrId(ctx, (values.org as string | undefined) ?? null);
    const person = await createPersonWithPassword(ctx, {
      email: (values.email as string).toLowerCase(),
      name: values.name as string,
      organizationId: organization.id,
      password: values.password as string,
      isAdmin: values.admin === true,
    });
    console.log(
      `Created ${person.email} in ${organization.name}${values.admin ? ' (host admin)' : ''} id=${person.id}`,
    );
    return 0;
  },

  async 'user disable'(deps, args) {
    const values = parse(args, { email: { type: 'string' } });
    required(values, 'email');
    await disablePersonByEmail(systemContext(deps), (values.email as string).toLowerCase());
    console.log(`Disabled ${values.email}: every session and token ended.`);
    return 0;
  },

  async 'space create'(deps, args) {
    const values = parse(args, { name: { type: 'string' }, kind: { type: 'string' }, owner: { type: 'string' } });
    required(values, 'name', 'kind', 'owner');
    const space = await createSpaceForOwnerEmail(systemContext(deps), {
      name: values.name as string,
      kind: values.kind as never,
      ownerEmail: (values.owner as string).toLowerCase(),
    });
    console.log(`Created space ${space.name} (${space.kind}) id=${space.id}`);
    return 0;
  },

  async 'token create'(deps, args) {
    const values = parse(args, { email: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } });
    required(values, 'email', 'name');
    let expiresAt: string | null = null;
    if (typeof values.expires === 'string') {
      const date = new Date(values.expires);
      if (Number.isNaN(date.getTime())) throw new UsageError(`--expires: not a date: ${values.expires}`);
      if (date.getTime() <= Date.now()) throw new UsageError('--expires: must be in the future');
      expiresAt = date.toISOString();
    }
    const secret = await issueApiTokenForEmail(systemContext(deps), {
      email: (values.email as string).toLowerCase(),
      name: values.name as string,
      expiresAt,
    });
    console.log(secret);
    return 0;
  },

  async seed(deps) {
    await seedDemo(deps);
    return 0;
  },

  async openapi(deps) {
    const app = await buildApp(deps, { logger: false });
    await app.ready();
    console.log(JSON.stringify(app.swagger(), null, 2));
    await app.close();
    return 0;
  },
};
