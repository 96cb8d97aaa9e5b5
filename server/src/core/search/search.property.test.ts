import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/dialect';
import {
  addMember,
  type CreatedPerson,
  createOrganization,
  createPerson,
  createSpace,
  hostOrganization,
} from '../../../test/factories';
import type { UserActor } from '../auth/actor';
import type { Db } from '../db/database';
import { visibleSpaces } from '../policy/scopes';
import { searchDocuments } from './search';
import { plantIndexedDocument, useSearchDatabase } from './search.test-helpers';

/** No word is a prefix of another, so a query for one word finds exactly the documents that contain it. */
const VOCABULARY = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'haven'];
type Expiry = 'none' | 'past' | 'future';

const world = fc.record({
  spaceCount: fc.integer({ min: 1, max: 4 }),
  organizationCount: fc.integer({ min: 1, max: 3 }),
  people: fc.array(
    fc.record({ organization: fc.nat(), hostAdmin: fc.integer({ min: 0, max: 6 }).map((n) => n === 0) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  memberships: fc.array(
    fc.record({
      space: fc.nat(),
      viaOrganization: fc.boolean(),
      who: fc.nat(),
      expiry: fc.constantFrom<Expiry>('none', 'past', 'future'),
    }),
    { maxLength: 10 },
  ),
  documents: fc.array(
    fc.record({
      space: fc.nat(),
      words: fc.subarray(VOCABULARY, { minLength: 1, maxLength: 4 }),
      trashed: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  asker: fc.nat(),
  word: fc.constantFrom(...VOCABULARY),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const database = useSearchDatabase();

async function emptyTables(db: Db) {
  for (const table of ['documents', 'space_members', 'spaces', 'users', 'organizations'] as const) {
    await db.deleteFrom(table).execute();
  }
}

/** Builds the generated world in the database and answers, from the generated data alone, who may read which space. */
async function build(db: Db, w: World, now: Date) {
  await emptyTables(db);
  const host = await hostOrganization(db);
  const spaces = await Promise.all(Array.from({ length: w.spaceCount }, () => createSpace(db)));
  const organizations = await Promise.all(Array.from({ length: w.organizationCount }, () => createOrganization(db)));
  const people: (CreatedPerson & { hostAdmin: boolean })[] = [];
  for (const p of w.people) {
    const organizationId = p.hostAdmin ? host.id : organizations[p.organization % organizations.length].id;
    people.push({ ...(await createPerson(db, { organizationId, isAdmin: p.hostAdmin })), hostAdmin: p.hostAdmin });
  }
  const expiresAt = { none: null, past: new Date(now.getTime() - 86_400_000).toISOString() };
  const future = new Date(now.getTime() + 86_400_000).toISOString();
  const live: { spaceId: string; userId?: string; organizationId?: string }[] = [];
  const seen = new Set<string>();
  for (const m of w.memberships) {
    const spaceId = spaces[m.space % spaces.length].id;
    const member = m.viaOrganization
      ? { organizationId: organizations[m.who % organizations.length].id }
      : { userId: people[m.who % people.length].id };
    const key = `${spaceId}:${member.organizationId ?? member.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expiry = m.expiry === 'future' ? future : expiresAt[m.expiry];
    await addMember(db, { spaceId, ...member, role: 'viewer', expiresAt: expiry });
    if (m.expiry !== 'past') live.push({ spaceId, ...member });
  }
  const documents = [];
  for (const [index, d] of w.documents.entries()) {
    const spaceId = spaces[d.space % spaces.length].id;
    const id = await plantIndexedDocument(db, {
      spaceId,
      name: `doc-${index}.txt`,
      text: d.words.join(' '),
      trashed: d.trashed,
    });
    documents.push({ id, spaceId, words: d.words, trashed: d.trashed });
  }
  const mayRead = (person: (typeof people)[number], spaceId: string) =>
    person.hostAdmin ||
    live.some((m) => m.spaceId === spaceId && (m.userId === person.id || m.organizationId === person.organization_id));
  return { people, documents, mayRead };
}

function actorOf(person: { id: string; email: string; name: string; organization_id: string; hostAdmin: boolean }) {
  const actor: UserActor = {
    kind: 'user',
    id: person.id,
    email: person.email,
    name: person.name,
    organizationId: person.organization_id,
    isHostOrganization: person.hostAdmin,
    isAdmin: person.hostAdmin,
    isOrgAdmin: false,
    twoFactorEnabled: false,
    via: 'session',
    sessionId: null,
    tokenId: null,
  };
  return actor;
}

describe(`search visibility on ${testDialect} (property)`, () => {
  it('for any people, memberships and documents, a person finds exactly the live matching documents of the spaces they may read', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const now = new Date();
        const db = database.db;
        const { people, documents, mayRead } = await build(db, w, now);
        const asker = people[w.asker % people.length];
        const hits = await searchDocuments(db, {
          query: w.word,
          scope: visibleSpaces(db, actorOf(asker), now.toISOString()),
          limit: 50,
        });
        for (const hit of hits) expect(mayRead(asker, hit.spaceId), `${hit.name} leaked`).toBe(true);
        const expected = documents
          .filter((d) => !d.trashed && d.words.includes(w.word) && mayRead(asker, d.spaceId))
          .map((d) => d.id)
          .sort();
        expect(hits.map((hit) => hit.documentId).sort()).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
