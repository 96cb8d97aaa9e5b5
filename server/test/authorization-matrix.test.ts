import { actions } from '@gatehouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/core/context';
import { defineModule } from '../src/core/module';
import { compilePolicy, policyActions } from '../src/core/policy/policy';
import { type Module, modules } from '../src/modules';
import { issueApiTokenForEmail } from '../src/modules/identity/identity.tokens.service';
import { basicAuth } from '../src/modules/webdav/webdav.test-support';
import { actionsWithoutCase, casesOfUnknownActions } from './coverage-checks';
import { createHostAdmin, createOrganization, createPerson, DEFAULT_PASSWORD, hostOrganization } from './factories';
import { startTestServer } from './harness';
import type { HttpClient } from './http-client';
import { type ActorName, actorNames, type Row, type World } from './matrix/cast';
import { matrixCases } from './matrix/index';

/**
 * Every actor of the access model × every action the policy decides, with the expected answer written by hand in
 * matrix/<module>.matrix.ts — from the access model in DESIGN.md §4, not from the code under test. Success codes
 * are 200/201; 404 means "you cannot even see it". The list of actions comes from the contracts and from the policy
 * compiled from the module manifests, so a new action without a case fails here.
 */
let world: World;
const clients = {} as Record<ActorName, HttpClient>;

beforeAll(async () => {
  const server = await startTestServer();
  const db = server.deps.db;
  const host = await hostOrganization(db);
  const partner = await createOrganization(db, { name: 'Partner Co', kind: 'supplier' });
  const other = await createOrganization(db, { name: 'Other Co', kind: 'customer' });
  const inPartner = () => createPerson(db, { organizationId: partner.id });
  world = {
    server,
    partnerOrgId: partner.id,
    otherOrgId: other.id,
    people: {
      hostAdmin: await createHostAdmin(db),
      manager: await createPerson(db, { organizationId: host.id }),
      owner: await createPerson(db, { organizationId: host.id }),
      viewer: await inPartner(),
      contributor: await inPartner(),
      sameOrgNoMembership: await inPartner(),
      partnerAdmin: await createPerson(db, { organizationId: partner.id, isOrgAdmin: true }),
      otherPartner: await createPerson(db, { organizationId: other.id }),
      disabled: await inPartner(),
      expired: await inPartner(),
    },
    davCredentials: {},
  };
  clients.anonymous = server.client();
  for (const name of actorNames) {
    if (name === 'anonymous') continue;
    clients[name] = server.client();
    await clients[name].signIn(world.people[name].email, DEFAULT_PASSWORD);
    const { email } = world.people[name];
    const appPassword = await issueApiTokenForEmail(systemContext(server.deps), {
      email,
      name: 'webdav',
      expiresAt: null,
    });
    world.davCredentials[name] = basicAuth(email, appPassword);
  }
  // Revoked after signing in: their still-open sessions must be refused.
  await db.updateTable('users').set({ status: 'disabled' }).where('id', '=', world.people.disabled.id).execute();
  await db
    .updateTable('users')
    .set({ access_expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('id', '=', world.people.expired.id)
    .execute();
});

afterAll(async () => {
  await world?.server.close();
});

/** Every action some module decides: declared in the contracts, or given a rule by a manifest. */
const decidedActions = () => [...new Set([...actions, ...policyActions()])];

describe('authorization matrix (expected answers from the access model, not from the code)', () => {
  for (const matrixCase of matrixCases) {
    const name = matrixCase.variant ? `${matrixCase.action} (${matrixCase.variant})` : matrixCase.action;
    it(`${name}: every actor gets exactly the expected answer`, async () => {
      const actual = {} as Row;
      for (const actor of actorNames) actual[actor] = await matrixCase.attempt(clients[actor], actor, world);
      expect(actual).toEqual(matrixCase.expected);
    });
  }

  it('every action of the contracts and of the compiled policy has at least one case', () => {
    expect(actionsWithoutCase(decidedActions(), matrixCases)).toEqual([]);
  });

  it('no case exercises an action that nothing decides any more', () => {
    expect(casesOfUnknownActions(decidedActions(), matrixCases)).toEqual([]);
  });
});

describe('the matrix cannot be outrun', () => {
  const someCase = { action: 'document.read' };

  it('a throwaway module whose manifest adds a rule with no case fails the coverage check, naming the action', () => {
    const tickets = defineModule({
      name: 'tickets',
      tables: {},
      policy: { global: { read: null, rules: { 'ticket.close': () => true } } },
    });
    const actionsOf = (manifests: readonly Module[]) =>
      Object.values(compilePolicy(manifests).rules).flatMap((table) => Object.keys(table));
    expect(actionsWithoutCase(actionsOf([...modules, tickets]), matrixCases)).toContain('ticket.close');
    expect(actionsWithoutCase(actionsOf(modules), matrixCases)).not.toContain('ticket.close');
  });

  it('an action covered by several cases counts once, and a fully covered list passes', () => {
    expect(actionsWithoutCase(['document.read'], [someCase, { action: 'document.read' }])).toEqual([]);
  });

  it('a case for an action no contract or rule declares is reported', () => {
    expect(casesOfUnknownActions(['document.read'], [someCase, { action: 'document.rename' }])).toEqual([
      'document.rename',
    ]);
  });
});
