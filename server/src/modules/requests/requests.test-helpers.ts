import { expect } from 'vitest';
import type { TestServer } from '../../../test/harness';
import type { HttpClient } from '../../../test/http-client';
import { type Cast, folderCreated, spaceWithCast } from '../documents/documents.test-helpers';

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

type RequestSetup = Cast & {
  folder: { id: string; name: string };
  request: { id: string; url: string; token: string; items: { id: string; label: string; status: string }[] };
  recipient: string;
};

/** A space with its cast, a "Received" folder and a request from the manager for a Kbis and an insurance certificate. */
export async function requestCreated(
  server: TestServer,
  overrides: Record<string, unknown> = {},
): Promise<RequestSetup> {
  const cast = await spaceWithCast(server);
  const folder = await folderCreated(cast.manager, cast.spaceId, 'Received');
  const recipient = `supplier-${Date.now()}-${Math.round(performance.now())}@example.test`;
  const response = await cast.manager.post(`/api/v1/spaces/${cast.spaceId}/requests`, {
    title: 'Supplier onboarding',
    message: 'Thank you!',
    recipientName: 'Sam Supplier',
    recipientEmail: recipient,
    folderId: folder.id,
    dueAt: inDays(10),
    items: ['Kbis extract', 'Insurance certificate'],
    ...overrides,
  });
  expect(response.status, response.text).toBe(201);
  const request = response.body.request;
  return { ...cast, folder, recipient, request: { ...request, token: request.url.split('/r/')[1] } };
}

export const publicApi = (token: string, rest = '') => `/api/v1/requests-public/${token}${rest}`;

export async function recipientUploads(visitor: HttpClient, token: string, itemId: string, name: string, body: string) {
  return visitor.upload(publicApi(token, `/items/${itemId}/files`), {}, name, new TextEncoder().encode(body));
}
