import { z } from 'zod';
import { Id, IsoDateTime } from '../common';

/** Following a folder: e-mail and in-app notices for new files and new versions inside it. */
export const FollowState = z.object({ following: z.boolean() });
export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app. */
  link: z.string(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const ListNotificationsQuery = z
  .object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) })
  .strict();
