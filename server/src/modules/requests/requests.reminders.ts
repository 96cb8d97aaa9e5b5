import { z } from 'zod';
import { record } from '../../core/audit/audit';
import { type Deps, systemContext } from '../../core/context';
import type { DbOrTrx } from '../../core/db/database';
import { enqueueJob } from '../../core/jobs/jobs';
import { enqueueMail } from '../../core/mail/mail';
import { revealToken } from '../shares';
import { reminderMail } from './requests.mails';
import { requestUrl } from './requests.mappers';
import { getRequestById, listItemsOf } from './requests.queries';

export const REQUEST_REMINDER_JOB = 'document_requests.reminder';

const DAY_MS = 86_400_000;
const Stage = z.enum(['due_in_3_days', 'due_in_1_day', 'overdue']);
const ReminderPayload = z.object({ requestId: z.string(), stage: Stage });
type ReminderPayload = z.infer<typeof ReminderPayload>;

/** The reminders of a request: three days and one day before it is due, and once when it is due. */
function reminderSchedule(dueAt: string): { stage: ReminderPayload['stage']; runAt: Date }[] {
  const due = Date.parse(dueAt);
  return [
    { stage: 'due_in_3_days', runAt: new Date(due - 3 * DAY_MS) },
    { stage: 'due_in_1_day', runAt: new Date(due - DAY_MS) },
    { stage: 'overdue', runAt: new Date(due) },
  ];
}

/**
 * Queues the reminders in the creating transaction (durable job queue: they survive restarts and run on one
 * instance). Reminders already in the past when the request is created are skipped.
 */
export async function scheduleReminders(trx: DbOrTrx, now: Date, input: { requestId: string; dueAt: string }) {
  for (const { stage, runAt } of reminderSchedule(input.dueAt)) {
    if (runAt.getTime() <= now.getTime()) continue;
    await enqueueJob(trx, now, { kind: REQUEST_REMINDER_JOB, payload: { requestId: input.requestId, stage }, runAt });
  }
}

/**
 * The reminder job: e-mails the recipient the items still missing (nothing received yet, or rejected). A cancelled
 * or complete request, or one whose every item has been answered, gets nothing. The wording follows the clock at
 * sending time, not the stage, so a reminder delayed past the due date still says the truth.
 */
export async function sendRequestReminder(payload: unknown, deps: Deps): Promise<void> {
  const { requestId, stage } = ReminderPayload.parse(payload);
  const request = await getRequestById(deps.db, requestId);
  if (request?.status !== 'open') return;
  const items = await listItemsOf(deps.db, [request.id]);
  const missing = items.filter((item) => item.status === 'pending' || item.status === 'rejected');
  if (missing.length === 0) return;
  const token = revealToken(deps.config.secretKey, request.token_sealed);
  if (!token) {
    deps.logger.warn({ requestId }, 'reminder not sent: the request link cannot be unsealed (SECRET_KEY changed)');
    return;
  }
  const now = deps.clock.now();
  const ctx = systemContext(deps, 'reminders');
  await deps.db.transaction().execute(async (trx) => {
    const message = reminderMail({
      to: request.recipient_email,
      locale: request.locale,
      recipientName: request.recipient_name,
      requestedBy: request.creator_name ?? '',
      title: request.title,
      url: requestUrl(deps.config.publicUrl, token),
      missing: missing.map((item) => item.label),
      dueAt: request.due_at,
      overdue: now.toISOString() >= request.due_at,
    });
    await enqueueMail(trx, now, message);
    await record(trx, ctx, {
      action: 'document_request.reminded',
      target: { type: 'document_request', id: request.id, label: request.title },
      details: { spaceId: request.space_id, stage, missing: missing.length },
    });
  });
}
