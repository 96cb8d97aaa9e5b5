import { z } from 'zod';
import { IdParams, Ok } from '../common';
import { defineRoute } from '../route-contract';
import { FollowState, ListNotificationsQuery, Notification } from './notifications.schemas';

export const notificationsRoutes = {
  getFolderFollow: defineRoute({
    method: 'GET',
    path: '/api/v1/folders/:id/follow',
    summary: 'Whether the signed-in person follows a folder',
    params: IdParams,
    response: FollowState,
  }),
  followFolder: defineRoute({
    method: 'PUT',
    path: '/api/v1/folders/:id/follow',
    summary: 'Follow a folder: e-mail and notice on new files and versions',
    params: IdParams,
    response: FollowState,
  }),
  unfollowFolder: defineRoute({
    method: 'DELETE',
    path: '/api/v1/folders/:id/follow',
    summary: 'Stop following a folder',
    params: IdParams,
    response: FollowState,
  }),
  listNotifications: defineRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'Own notifications, newest first, with the unread count',
    query: ListNotificationsQuery,
    response: z.object({ notifications: z.array(Notification), unread: z.number().int() }),
  }),
  markNotificationRead: defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    summary: 'Mark one own notification as read',
    params: IdParams,
    response: Ok,
  }),
  markAllNotificationsRead: defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    summary: 'Mark every own notification as read',
    response: Ok,
  }),
} as const;
