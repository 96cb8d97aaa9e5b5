import { defineError } from '../../core/http/errors';

/** Cancelled, or its creator can no longer receive files into its folder (left the space, disabled…). */
export const requestClosed = defineError({ code: 'requests.closed', status: 410, title: 'This request is closed' });

export const itemClosed = defineError({
  code: 'requests.item_closed',
  status: 409,
  title: 'This item was approved already',
});

export const commentRequired = defineError({
  code: 'requests.comment_required',
  status: 400,
  title: 'A rejection needs a comment',
});

export const invalidDueDate = defineError({
  code: 'requests.invalid_due_date',
  status: 400,
  title: 'The due date must be in the future',
});
