/** Stable error codes of the people module; the web app translates each `errors.<code>`. */
export const peopleErrors = ['people.cannot_disable_self', 'people.sponsor_not_host'] as const;
