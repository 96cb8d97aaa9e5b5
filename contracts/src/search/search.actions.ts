/** The `resource.verb` actions the central policy decides for the search module. */
export const searchActions = [] as const;
