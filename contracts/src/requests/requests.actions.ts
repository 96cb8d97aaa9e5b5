/** The `resource.verb` actions the central policy decides for the requests module. */
export const requestsActions = [
  'request.create',
  'request.read',
  'request.review',
  'request.cancel',
  'link.upload',
] as const;
