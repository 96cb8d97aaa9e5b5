import type { OrganizationResource } from '../../core/policy/resources';

/** Names are unique regardless of case and surrounding spaces: "ACME " and "acme" are the same organization. */
export function organizationNameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function organizationResource(row: { id: string; is_host: number; shares_space: number }): OrganizationResource {
  return { type: 'organization', id: row.id, isHost: row.is_host === 1, sharesSpace: Number(row.shares_space) === 1 };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an operator typed an id rather than a name (the CLI accepts both). */
export function looksLikeId(value: string): boolean {
  return uuidShape.test(value);
}
