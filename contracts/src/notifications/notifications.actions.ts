/** The `resource.verb` actions the central policy decides for the notifications module. */
export const notificationsActions = ['folder.follow', 'notification.read', 'notification.update'] as const;
