import { routes } from '@gatehouse/contracts';
import type { FastifyInstance } from 'fastify';
import { route } from '../../core/http/route';
import {
  followFolder,
  getFollow,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unfollowFolder,
} from './notifications.service';

/** GET|PUT|DELETE /folders/:id/follow · GET /notifications · POST /notifications/:id/read · POST /notifications/read-all */
export function registerNotificationsRoutes(app: FastifyInstance) {
  route(app, routes.getFolderFollow, async (request) => getFollow(request.ctx, { folderId: request.params.id }));
  route(app, routes.followFolder, async (request) => followFolder(request.ctx, { folderId: request.params.id }));
  route(app, routes.unfollowFolder, async (request) => unfollowFolder(request.ctx, { folderId: request.params.id }));
  route(app, routes.listNotifications, async (request) => listNotifications(request.ctx, request.query));
  route(app, routes.markNotificationRead, async (request) => markNotificationRead(request.ctx, request.params));
  route(app, routes.markAllNotificationsRead, async (request) => markAllNotificationsRead(request.ctx));
}
