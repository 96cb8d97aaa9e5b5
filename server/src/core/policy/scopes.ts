import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DbOrTrx } from '../db/database';
import type { Database } from '../db/schema';
import { isSuperuser } from './predicates';

/**
 * SQL scopes: the policy's "who may see what", as filters applied inside queries so lists never contain a row the
 * actor may not read. They must agree with rules/*.ts; the authorization matrix test checks both.
 */
const always = sql<SqlBool>`1 = 1`;
const never = sql<SqlBool>`1 = 0`;

/** Ids of the spaces the actor is a live member of, directly or through their organization. */
function memberSpaceIds(db: DbOrTrx, actor: Actor, nowIso: string) {
  const userId = actor.kind === 'user' ? actor.id : '';
  const organizationId = actor.kind === 'user' ? actor.organizationId : '';
  return db
    .selectFrom('space_members as msm')
    .select('msm.space_id')
    .where((eb) =>
      eb.or([
        eb('msm.user_id', '=', userId),
        eb.and([eb('msm.user_id', 'is', null), eb('msm.organization_id', '=', organizationId)]),
      ]),
    )
    .where((eb) => eb.or([eb('msm.expires_at', 'is', null), eb('msm.expires_at', '>', nowIso)]));
}

/** Filter for `spaces`: the spaces the actor may read. */
export function visibleSpaces(db: DbOrTrx, actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'spaces'>) => {
    if (isSuperuser(actor)) return always;
    if (actor.kind !== 'user') return never;
    return eb('spaces.id', 'in', memberSpaceIds(db, actor, nowIso));
  };
}

/** Live memberships (people and organizations) of the spaces the actor belongs to. */
function sharedMemberships(db: DbOrTrx, actor: Actor, nowIso: string) {
  return db
    .selectFrom('space_members as ssm')
    .where('ssm.space_id', 'in', memberSpaceIds(db, actor, nowIso))
    .where((eb) => eb.or([eb('ssm.expires_at', 'is', null), eb('ssm.expires_at', '>', nowIso)]));
}

/** Filter for `users`: people who share a space with the actor (not counting their own organization). */
export function sharesSpaceWithPerson(db: DbOrTrx, actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) => {
    if (actor.kind !== 'user') return never;
    const shared = sharedMemberships(db, actor, nowIso);
    return eb.or([
      eb('users.id', 'in', shared.select('ssm.user_id').where('ssm.user_id', 'is not', null)),
      eb('users.organization_id', 'in', shared.select('ssm.organization_id').where('ssm.user_id', 'is', null)),
    ]);
  };
}

/** Filter for `users`: people the actor may see — own organization, shared spaces; everyone for host admins. */
export function visiblePeople(db: DbOrTrx, actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) => {
    if (isSuperuser(actor)) return always;
    if (actor.kind !== 'user') return never;
    return eb.or([
      eb('users.organization_id', '=', actor.organizationId),
      sharesSpaceWithPerson(db, actor, nowIso)(eb),
    ]);
  };
}

/** Filter for `organizations`: those with someone in a space the actor belongs to (not counting their own). */
export function sharesSpaceWithOrganization(db: DbOrTrx, actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'organizations'>) => {
    if (actor.kind !== 'user') return never;
    const shared = sharedMemberships(db, actor, nowIso);
    return eb.or([
      eb('organizations.id', 'in', shared.select('ssm.organization_id').where('ssm.user_id', 'is', null)),
      eb(
        'organizations.id',
        'in',
        db
          .selectFrom('users as su')
          .select('su.organization_id')
          .where('su.id', 'in', shared.select('ssm.user_id').where('ssm.user_id', 'is not', null)),
      ),
    ]);
  };
}

/** Filter for `organizations`: the actor's own, those sharing a space; all for host admins. */
export function visibleOrganizations(db: DbOrTrx, actor: Actor, nowIso: string) {
  return (eb: ExpressionBuilder<Database, 'organizations'>) => {
    if (isSuperuser(actor)) return always;
    if (actor.kind !== 'user') return never;
    return eb.or([
      eb('organizations.id', '=', actor.organizationId),
      sharesSpaceWithOrganization(db, actor, nowIso)(eb),
    ]);
  };
}

/**
 * Filter for `spaces`: those with the capability turned on. What a switched-off capability holds does not exist, so
 * lists and search of its resources add this to the actor's scope (the policy's read check says the same).
 */
export function withCapability(capability: string) {
  return (eb: ExpressionBuilder<Database, 'spaces'>) =>
    eb.exists(
      eb
        .selectFrom('space_capabilities as cap')
        .select('cap.space_id')
        .whereRef('cap.space_id', '=', 'spaces.id')
        .where('cap.capability', '=', capability),
    );
}
