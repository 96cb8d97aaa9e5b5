/** The `resource.verb` actions the central policy decides for the shares module. */
export const sharesActions = [
  'share.create',
  'share.serve',
  'share.manage',
  'share.read',
  'share.revoke',
  'link.open',
  'link.unlock',
  'link.download',
] as const;
