import { z } from 'zod';
import { defineEvents, type PayloadsOf } from '../../core/events/events';

const id = z.string().min(1).max(100);

/** What share links tell the rest of the server, after the change commits (see core/events). */
export const sharesEvents = defineEvents({
  /** A visitor proved everything a locked link asks (password, e-mail code): the link now serves them. */
  'share.unlocked': z.object({
    linkId: id,
    spaceId: id,
    documentId: id.nullable(),
    folderId: id.nullable(),
    email: z.string().nullable(),
  }),
});

declare module '../../core/events/events' {
  interface DomainEvents extends PayloadsOf<typeof sharesEvents> {}
}
