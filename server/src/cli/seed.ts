import type { Deps } from '../core/context';
import {
  addMember,
  createOrganization,
  createPerson,
  createSpace,
  DEFAULT_PASSWORD,
  hostOrganization,
} from './seed-factories';

/**
 * A demo extranet built with the factories the tests use too: a host organization, a customer and a supplier,
 * spaces of every kind and people in every role. Refuses to touch a data dir that already has people.
 */
export async function seedDemo(deps: Deps): Promise<void> {
  const existing = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('This data dir already has people: seed only fills a fresh one (set DATA_DIR).');
  const { db } = deps;
  const host = await hostOrganization(db);
  const acme = await createOrganization(db, { name: 'Acme Retail', kind: 'customer' });
  const northwind = await createOrganization(db, { name: 'Northwind Supplies', kind: 'supplier' });
  const board = await createOrganization(db, { name: 'Board of directors', kind: 'board' });

  const admin = await createPerson(db, {
    organizationId: host.id,
    email: 'admin@gatehouse.test',
    name: 'Alice Admin',
    isAdmin: true,
  });
  const manager = await createPerson(db, {
    organizationId: host.id,
    email: 'manon@gatehouse.test',
    name: 'Manon Manager',
  });
  const staff = await createPerson(db, { organizationId: host.id, email: 'sam@gatehouse.test', name: 'Sam Staff' });
  const acmeAdmin = await createPerson(db, {
    organizationId: acme.id,
    email: 'claire@acme.test',
    name: 'Claire Customer',
    isOrgAdmin: true,
    sponsorId: manager.id,
  });
  const acmeViewer = await createPerson(db, {
    organizationId: acme.id,
    email: 'victor@acme.test',
    name: 'Victor Viewer',
    sponsorId: manager.id,
  });
  const supplier = await createPerson(db, {
    organizationId: northwind.id,
    email: 'sofia@northwind.test',
    name: 'Sofia Supplier',
    sponsorId: staff.id,
  });
  const director = await createPerson(db, {
    organizationId: board.id,
    email: 'diane@board.test',
    name: 'Diane Director',
    sponsorId: admin.id,
  });

  const client = await createSpace(db, { name: 'Acme — client space', kind: 'client' });
  await addMember(db, { spaceId: client.id, userId: manager.id, role: 'owner' });
  await addMember(db, { spaceId: client.id, userId: acmeAdmin.id, role: 'contributor' });
  await addMember(db, { spaceId: client.id, userId: acmeViewer.id, role: 'viewer' });

  const supply = await createSpace(db, { name: 'Northwind — supplier space', kind: 'supplier' });
  await addMember(db, { spaceId: supply.id, userId: staff.id, role: 'owner' });
  await addMember(db, { spaceId: supply.id, organizationId: northwind.id, role: 'contributor' });

  const project = await createSpace(db, { name: 'Website relaunch', kind: 'project' });
  await addMember(db, { spaceId: project.id, userId: manager.id, role: 'owner' });
  await addMember(db, { spaceId: project.id, userId: staff.id, role: 'manager' });
  await addMember(db, { spaceId: project.id, userId: acmeAdmin.id, role: 'contributor' });

  const boardSpace = await createSpace(db, { name: 'Board 2026', kind: 'board' });
  await addMember(db, { spaceId: boardSpace.id, userId: admin.id, role: 'owner' });
  await addMember(db, { spaceId: boardSpace.id, organizationId: board.id, role: 'viewer' });

  const network = await createSpace(db, { name: 'Partner network', kind: 'network' });
  await addMember(db, { spaceId: network.id, userId: admin.id, role: 'owner' });
  await addMember(db, { spaceId: network.id, organizationId: acme.id, role: 'viewer' });
  await addMember(db, { spaceId: network.id, organizationId: northwind.id, role: 'viewer' });

  const collection = await createSpace(db, { name: 'Brand assets', kind: 'collection' });
  await addMember(db, { spaceId: collection.id, userId: staff.id, role: 'owner' });

  const dataroom = await createSpace(db, { name: 'Project Atlas data room', kind: 'dataroom' });
  await addMember(db, { spaceId: dataroom.id, userId: admin.id, role: 'owner' });
  await addMember(db, { spaceId: dataroom.id, userId: director.id, role: 'viewer' });

  const people = [admin, manager, staff, acmeAdmin, acmeViewer, supplier, director];
  console.log('Demo extranet created. Everyone signs in with the password:');
  console.log(`  ${DEFAULT_PASSWORD}\n`);
  for (const person of people) console.log(`  ${person.email.padEnd(24)} ${person.name}`);
}
