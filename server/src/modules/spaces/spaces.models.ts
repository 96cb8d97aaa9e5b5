import type { SpaceRole } from '@gatehouse/contracts';
import type { SpaceResource } from '../../core/policy/resources';

/** Stronger roles include everything weaker ones may do; SQL computes the strongest through these numbers. */
export const roleRank: Record<SpaceRole, number> = { viewer: 1, contributor: 2, manager: 3, owner: 4 };

export function roleFromRank(rank: number | string | null | undefined): SpaceRole | null {
  const value = Number(rank ?? 0);
  const found = (Object.keys(roleRank) as SpaceRole[]).find((role) => roleRank[role] === value);
  return found ?? null;
}

export function spaceResource(row: {
  id: string;
  status: 'active' | 'archived';
  my_role_rank: unknown;
}): SpaceResource {
  return { type: 'space', id: row.id, status: row.status, myRole: roleFromRank(row.my_role_rank as number | null) };
}

const MAX_SLUG_LENGTH = 60;

/** A URL-safe slug: accents folded ("Équipe" → "equipe"), anything else becomes a dash. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug || 'space';
}

/** The base slug if free, else the first free `base-2`, `base-3`… */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Whether a change takes the owner role away from an owner (demotion, an end date, or removal). */
export function losesOwnership(
  current: { role: SpaceRole },
  change: { removed?: boolean; role?: SpaceRole; expiresAt?: string | null },
): boolean {
  if (current.role !== 'owner') return false;
  if (change.removed) return true;
  return (change.role !== undefined && change.role !== 'owner') || Boolean(change.expiresAt);
}
