/** Stable error codes of the requests module; the web app translates each `errors.<code>`. */
export const requestsErrors = [
  'requests.closed',
  'requests.item_closed',
  'requests.comment_required',
  'requests.invalid_due_date',
] as const;
