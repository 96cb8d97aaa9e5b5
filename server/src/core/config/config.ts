import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { modules } from '../../modules';
import type { ModuleManifest } from '../module';
import { bool, defineSettings, positiveInt, type SettingsFragment, type SettingValues } from './setting';

/**
 * The settings of the core, with their default and meaning. Modules add theirs in their manifest (`config`); the
 * README's settings table is generated from the whole list (`gatehouse config-table`), so a setting documented
 * anywhere else is a bug.
 */
const coreSettings = defineSettings({
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(8080), doc: 'TCP port to listen on.' },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), doc: 'Interface to listen on.' },
  PUBLIC_URL: {
    schema: z.url().optional(),
    doc: 'Address people use to reach Gatehouse, used in e-mailed links. Default: http(s)://localhost:PORT.',
  },
  DATA_DIR: { schema: z.string().min(1).default('./data'), doc: 'Folder for the SQLite database, files and outbox.' },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite)')
      .optional(),
    doc: 'PostgreSQL connection string. Unset: SQLite in DATA_DIR/gatehouse.db.',
  },
  SECRET_KEY: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    doc: 'Key that encrypts secrets at rest (TOTP seeds). Unset: generated once into DATA_DIR/secret.key. Set the same value on every instance when you run several.',
  },
  TLS_CERT_FILE: { schema: z.string().optional(), doc: 'PEM certificate: serve HTTPS directly.' },
  TLS_KEY_FILE: { schema: z.string().optional(), doc: 'PEM private key for TLS_CERT_FILE.' },
  TRUST_PROXY: {
    schema: z.string().optional(),
    doc: 'Whose X-Forwarded-* headers to believe: `true`, a hop count, or a comma-separated list of addresses/CIDRs.',
  },
  GATEHOUSE_ADMIN_EMAIL: {
    schema: z.email().optional(),
    doc: 'First host admin created at first start (with the password below).',
  },
  GATEHOUSE_ADMIN_PASSWORD: {
    schema: z.string().optional(),
    doc: 'Password of that first admin (≥ 12 characters, not a common one).',
  },
  HOST_ORGANIZATION_NAME: {
    schema: z.string().min(1).max(120).default('Host organization'),
    doc: 'Name of the host organization created at first start.',
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    doc: 'Outgoing mail server. Unset: messages are written to DATA_DIR/outbox/*.eml.',
  },
  MAIL_FROM: { schema: z.string().min(3).default('Gatehouse <no-reply@localhost>'), doc: 'Sender of e-mails.' },
  SESSION_IDLE_MINUTES: { schema: positiveInt.default(60), doc: 'A session ends after this long without a request.' },
  SESSION_MAX_HOURS: {
    schema: positiveInt.default(12),
    doc: 'A session ends this long after sign-in, whatever happens.',
  },
  BODY_LIMIT_BYTES: { schema: positiveInt.default(1_048_576), doc: 'Largest JSON request body accepted.' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'Log level.',
  },
  SECURE_COOKIES: {
    schema: bool.optional(),
    doc: 'Force Secure cookies even over plain HTTP (default: when the request is HTTPS).',
  },
  STORAGE: {
    schema: z.enum(['local', 's3']).default('local'),
    doc: 'Where files live: `local` (DATA_DIR/blobs) or `s3` (any S3-compatible object store, set the S3_* settings).',
  },
  S3_ENDPOINT: { schema: z.url().optional(), doc: 'S3 endpoint URL (MinIO, Ceph RGW…). Unset: AWS S3.' },
  S3_REGION: { schema: z.string().min(1).default('us-east-1'), doc: 'S3 region.' },
  S3_BUCKET: { schema: z.string().min(3).optional(), doc: 'S3 bucket holding the files (required with STORAGE=s3).' },
  S3_ACCESS_KEY_ID: { schema: z.string().min(1).optional(), doc: 'S3 access key id (required with STORAGE=s3).' },
  S3_SECRET_ACCESS_KEY: {
    schema: z.string().min(1).optional(),
    doc: 'S3 secret access key (required with STORAGE=s3).',
  },
  S3_FORCE_PATH_STYLE: {
    schema: bool.default(true),
    doc: 'Address the bucket as ENDPOINT/BUCKET (most S3-compatible stores) rather than BUCKET.ENDPOINT.',
  },
  ENCRYPTION_MASTER_KEY: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be the base64 of 32 random bytes (openssl rand -base64 32)')
      .optional(),
    doc: 'Encrypts files at rest (AES-256-GCM, one data key per file wrapped by this key): base64 of 32 bytes. Unset: files stored in clear. Losing it loses the files.',
  },
});

/**
 * The settings modules add, with their parsed types. Each module adds its own next to them:
 * `declare module '…/core/config/config' { interface ModuleSettings extends SettingValues<typeof xSettings> {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, see above
export interface ModuleSettings {}

/** The settings as parsed, before the values derived from them. */
export type RawConfig = SettingValues<typeof coreSettings> & ModuleSettings;

/**
 * Every setting: the core's, then each module's in the order of modules.ts. Read when config is loaded rather than
 * at import, since the manifests import this file's types; a setting claimed twice is a mistake caught here.
 */
export function allSettings(manifests: readonly ModuleManifest<object>[] = modules): SettingsFragment {
  const all: SettingsFragment = { ...coreSettings };
  for (const manifest of manifests) {
    for (const [name, setting] of Object.entries(manifest.config?.settings ?? {})) {
      if (all[name]) throw new Error(`Setting ${name} is declared twice (again by ${manifest.name})`);
      all[name] = setting;
    }
  }
  return all;
}

export type Config = RawConfig & {
  dataDir: string;
  publicUrl: string;
  dialect: 'sqlite' | 'postgres';
  secretKey: Buffer;
  tls: { cert: Buffer; key: Buffer } | null;
  trustProxy: boolean | number | string[];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates every setting at once; throws a ConfigError listing every problem, not just the first. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  manifests: readonly ModuleManifest<object>[] = modules,
): Config {
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(allSettings(manifests))) {
    const value = env[name] === '' ? undefined : env[name];
    const parsed = (setting.schema as z.ZodType).safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const config = raw as unknown as RawConfig;
  if (Boolean(config.TLS_CERT_FILE) !== Boolean(config.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE: set both or neither');
  }
  if (Boolean(config.GATEHOUSE_ADMIN_EMAIL) !== Boolean(config.GATEHOUSE_ADMIN_PASSWORD)) {
    problems.push('GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD: set both or neither');
  }
  for (const manifest of manifests) problems.push(...(manifest.config?.check?.(config) ?? []));
  if (config.STORAGE === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
      (name) => !config[name],
    );
    if (missing.length > 0) problems.push(`STORAGE=s3 requires ${missing.join(', ')}`);
  }
  const tls = readTls(config, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolve(config.DATA_DIR);
  const scheme = tls ? 'https' : 'http';
  return {
    ...config,
    dataDir,
    publicUrl: (config.PUBLIC_URL ?? `${scheme}://localhost:${config.PORT}`).replace(/\/$/, ''),
    dialect: config.DATABASE_URL ? 'postgres' : 'sqlite',
    secretKey: Buffer.alloc(0),
    tls,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
  };
}

/**
 * The secret key is resolved separately from loadConfig because it may create a file: validation must stay free of
 * side effects so `--help`-style commands and tests can load config without touching the disk.
 */
export function resolveSecretKey(config: Config): Buffer {
  if (config.SECRET_KEY) return Buffer.from(config.SECRET_KEY, 'utf8');
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

function readTls(config: RawConfig, problems: string[]) {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return null;
  try {
    return { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) };
  } catch (error) {
    problems.push(`TLS_CERT_FILE/TLS_KEY_FILE: cannot read (${(error as Error).message})`);
    return null;
  }
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
