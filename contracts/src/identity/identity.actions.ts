/** The `resource.verb` actions the central policy decides for the identity module. */
export const identityActions = [] as const;
