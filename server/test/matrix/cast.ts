import sharp from 'sharp';
import { makeThumbnailJob } from '../../src/modules/documents/thumbnails/thumbnails.jobs';
import { addMember, createDocument, createFolder, createPerson, createSpace } from '../factories';
import type { TestServer } from '../harness';
import type { HttpClient } from '../http-client';

/**
 * The cast of the authorization matrix: every kind of actor of the access model (DESIGN.md §4). The partner
 * organization's people (viewer, contributor, sameOrgNoMembership, its admin partnerAdmin, disabled, expired) and the host's (manager, owner,
 * hostAdmin) meet in a fresh space per attempt; otherPartner belongs to a third organization that shares nothing.
 */
export const actorNames = [
  'anonymous',
  'disabled',
  'expired',
  'otherPartner',
  'sameOrgNoMembership',
  'partnerAdmin',
  'viewer',
  'contributor',
  'manager',
  'owner',
  'hostAdmin',
] as const;
export type ActorName = (typeof actorNames)[number];

/**
 * An HTTP status, or for an action that guards no route but only decides what the web app shows, whether the
 * ability sent with `GET /me` is `shown` or `hidden`; `n/a` where the actor cannot be in that position at all.
 */
export type Expectation = number | 'shown' | 'hidden' | 'n/a';
export type Row = Record<ActorName, Expectation>;

/** People whose session is gone or revoked are refused before any rule is asked. */
export const row = (values: Omit<Row, 'anonymous' | 'disabled' | 'expired'>): Row => ({
  anonymous: 401,
  disabled: 401,
  expired: 401,
  ...values,
});

export type World = {
  server: TestServer;
  partnerOrgId: string;
  /** An organization that takes part in none of the attempts' spaces. */
  otherOrgId: string;
  people: Record<Exclude<ActorName, 'anonymous'>, { id: string; email: string }>;
  /** Basic credentials (e-mail and app password) per actor for WebDAV, issued before anyone was revoked. */
  davCredentials: Partial<Record<string, string>>;
};

/**
 * One cell of the matrix. `action` is the policy action the case exercises (several cases may share one); `expected`
 * is written by hand from the access model, never computed from the code under test; `attempt` performs it over HTTP
 * as the given client and returns what came back.
 */
export type MatrixCase = {
  action: string;
  /** Tells two cases of one action apart. */
  variant?: string;
  expected: Row;
  attempt: (client: HttpClient, actor: ActorName, world: World) => Promise<Expectation>;
};

let unique = 0;
export const nextName = () => {
  unique += 1;
  return `matrix-${Date.now()}-${unique}`;
};

/** A fresh space per attempt, with the same cast of members, so a successful change never affects the next cell. */
export async function spaceWithCast({ server, people }: World) {
  const space = await createSpace(server.deps.db, { kind: 'supplier' });
  const roles = {
    viewer: 'viewer',
    contributor: 'contributor',
    manager: 'manager',
    owner: 'owner',
    disabled: 'viewer',
    expired: 'viewer',
  } as const;
  for (const [actor, role] of Object.entries(roles)) {
    await addMember(server.deps.db, { spaceId: space.id, userId: people[actor as keyof typeof roles].id, role });
  }
  return space;
}

export async function folderWithCast(world: World) {
  const space = await spaceWithCast(world);
  const folder = await createFolder(world.server.deps.db, { spaceId: space.id });
  return { ...folder, spaceId: space.id };
}

export async function documentWithCast(world: World) {
  const space = await spaceWithCast(world);
  const document = await createDocument(world.server.deps, { spaceId: space.id, name: `${nextName()}.txt` });
  return { ...document, spaceId: space.id };
}

/** A fresh space with its cast and one picture in it, whose thumbnail is made. */
export async function pictureWithCast(world: World) {
  const space = await spaceWithCast(world);
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060c0' } })
    .png()
    .toBuffer();
  const picture = await createDocument(world.server.deps, {
    spaceId: space.id,
    name: `${nextName()}.png`,
    bytes,
    mimeType: 'image/png',
  });
  await makeThumbnailJob({ versionId: picture.versionId }, world.server.deps);
  return picture;
}

/** A contributor of the space who is none of the actors: the author of links and locks the actors did not make. */
export async function bystander(world: World, spaceId: string) {
  const person = await createPerson(world.server.deps.db, { organizationId: world.partnerOrgId });
  await addMember(world.server.deps.db, { spaceId, userId: person.id, role: 'contributor' });
  return person;
}

/** The ability `GET /me` sends the web app for an action on no particular resource. */
export async function globalAbility(client: HttpClient, action: string): Promise<Expectation> {
  const me = await client.get('/api/v1/me');
  if (me.status !== 200) return me.status;
  return me.body.abilities?.[action] === true ? 'shown' : 'hidden';
}
