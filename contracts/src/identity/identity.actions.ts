/** The `resource.verb` actions the central policy decides for the identity module. */
export const identityActions = ['session.read', 'session.revoke', 'api_token.read', 'api_token.revoke'] as const;
