/** Stable error codes of the spaces module; the web app translates each `errors.<code>`. */
export const spacesErrors = ['spaces.member_exists', 'spaces.last_owner', 'spaces.invalid_member'] as const;
