import type { SpaceRole } from '@gatehouse/contracts';
import { hashPassword } from '../core/auth/passwords';
import type { Db } from '../core/db/database';
import { newId } from '../core/ids';

/**
 * The factories the demo seed and the tests share: organizations, people, spaces and memberships. Each creates what
 * it needs and the parents it is not given. They insert rows directly, skipping the services' checks and audit, which
 * is why only the seed command (on an empty data dir) and the tests call them, never a request path.
 */
let counter = 0;
const next = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
};
const now = () => new Date().toISOString();
export const DEFAULT_PASSWORD = 'correct horse battery staple 42';

let cachedHash: Promise<string> | null = null;
/** argon2 is deliberately slow: factories reuse one hash of the default password. */
function passwordHashFor(password: string) {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  cachedHash ??= hashPassword(DEFAULT_PASSWORD);
  return cachedHash;
}

export async function hostOrganization(db: Db) {
  const host = await db.selectFrom('organizations').selectAll().where('is_host', '=', 1).executeTakeFirst();
  if (host) return host;
  return createOrganization(db, { name: 'Host organization', kind: 'host' });
}

export async function createOrganization(
  db: Db,
  input: { name?: string; kind?: string; status?: 'active' | 'disabled' } = {},
) {
  const name = input.name ?? `Org ${next()}`;
  const row = {
    id: newId(),
    name,
    name_key: name.toLowerCase(),
    kind: input.kind ?? 'customer',
    is_host: input.kind === 'host' ? 1 : 0,
    status: input.status ?? 'active',
    created_at: now(),
    updated_at: now(),
  } as const;
  await db.insertInto('organizations').values(row).execute();
  return row;
}

export type CreatedPerson = Awaited<ReturnType<typeof createPerson>>;

export async function createPerson(
  db: Db,
  input: {
    organizationId?: string;
    email?: string;
    name?: string;
    password?: string | null;
    status?: 'invited' | 'active' | 'disabled';
    isAdmin?: boolean;
    isOrgAdmin?: boolean;
    accessExpiresAt?: string | null;
    sponsorId?: string | null;
  } = {},
) {
  const organizationId = input.organizationId ?? (await createOrganization(db)).id;
  const password = input.password === undefined ? DEFAULT_PASSWORD : input.password;
  const id = newId();
  const email = (input.email ?? `person-${next()}@example.test`).toLowerCase();
  const row = {
    id,
    email,
    name: input.name ?? `Person ${email.split('@')[0]}`,
    organization_id: organizationId,
    status: input.status ?? 'active',
    is_admin: input.isAdmin ? 1 : 0,
    is_org_admin: input.isOrgAdmin ? 1 : 0,
    sponsor_id: input.sponsorId ?? null,
    access_expires_at: input.accessExpiresAt ?? null,
    password_hash: password ? await passwordHashFor(password) : null,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    locale: null,
    last_sign_in_at: null,
    created_at: now(),
    updated_at: now(),
  } as const;
  await db.insertInto('users').values(row).execute();
  return { ...row, password: password ?? '' };
}

export async function createSpace(
  db: Db,
  input: { name?: string; kind?: string; status?: 'active' | 'archived'; capabilities?: string[] } = {},
) {
  const name = input.name ?? `Space ${next()}`;
  const row = {
    id: newId(),
    name,
    slug: `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${next()}`,
    kind: input.kind ?? 'project',
    description: '',
    status: input.status ?? 'active',
    created_by: null,
    created_at: now(),
    updated_at: now(),
  } as const;
  await db.insertInto('spaces').values(row).execute();
  // Like a space created through the API: documents on unless the test says otherwise.
  const capabilities = input.capabilities ?? ['documents'];
  if (capabilities.length > 0) {
    await db
      .insertInto('space_capabilities')
      .values(capabilities.map((capability) => ({ space_id: row.id, capability })))
      .execute();
  }
  return row;
}

export async function addMember(
  db: Db,
  input: { spaceId: string; userId?: string; organizationId?: string; role: SpaceRole; expiresAt?: string | null },
) {
  const row = {
    id: newId(),
    space_id: input.spaceId,
    user_id: input.userId ?? null,
    organization_id: input.userId ? null : (input.organizationId ?? null),
    role: input.role,
    expires_at: input.expiresAt ?? null,
    created_by: null,
    created_at: now(),
  };
  await db.insertInto('space_members').values(row).execute();
  return row;
}
