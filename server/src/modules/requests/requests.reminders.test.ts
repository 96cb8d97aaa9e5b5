import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testDialect } from '../../../test/harness';
import { addressesOf, type MailCatcher, startMailCatcher } from '../../../test/support/smtp';
import { REQUEST_REMINDER_JOB, sendRequestReminder } from './requests.reminders';
import { inDays, recipientUploads, requestCreated } from './requests.test-helpers';

let server: TestServer;
let mail: MailCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mail.url } });
});
afterAll(async () => {
  await server?.close();
  await mail?.close();
});

const DAY = 86_400_000;

async function remindersOf(requestId: string) {
  const jobs = await server.deps.db.selectFrom('jobs').selectAll().where('kind', '=', REQUEST_REMINDER_JOB).execute();
  return jobs
    .map((job) => ({ ...job, payload: JSON.parse(job.payload) as { requestId: string; stage: string } }))
    .filter((job) => job.payload.requestId === requestId)
    .sort((a, b) => a.run_at.localeCompare(b.run_at));
}

/** Runs the reminder exactly as the job runner would, now, whatever its scheduled time. */
async function remind(requestId: string, stage = 'due_in_1_day') {
  mail.clear();
  await sendRequestReminder({ requestId, stage }, server.deps);
  await server.runJobs();
}

const remindersTo = (recipient: string) =>
  mail.messages.filter((m) => addressesOf(m.to).includes(recipient) && /Reminder/.test(m.subject ?? ''));

describe(`reminders of document requests (${testDialect})`, () => {
  it('are queued in the durable job queue three days and one day before the due date, and at the due date', async () => {
    const dueAt = inDays(10);
    const setup = await requestCreated(server, { dueAt });
    const jobs = await remindersOf(setup.request.id);
    expect(jobs.map((job) => job.payload.stage)).toEqual(['due_in_3_days', 'due_in_1_day', 'overdue']);
    const due = Date.parse(dueAt);
    expect(jobs.map((job) => Date.parse(job.run_at))).toEqual([due - 3 * DAY, due - DAY, due]);
    expect(jobs.every((job) => job.status === 'pending')).toBe(true);
  });

  it('a reminder already in the past when the request is made is not queued', async () => {
    const setup = await requestCreated(server, { dueAt: inDays(2) });
    expect((await remindersOf(setup.request.id)).map((job) => job.payload.stage)).toEqual(['due_in_1_day', 'overdue']);
  });

  it('lists only the items still missing, and says so when the due date has passed', async () => {
    const setup = await requestCreated(server);
    await recipientUploads(server.client(), setup.request.token, setup.request.items[0].id, 'kbis.pdf', 'kbis');
    await remind(setup.request.id);
    const [before] = remindersTo(setup.recipient);
    expect(before.text).toContain('Insurance certificate');
    expect(before.text).not.toContain('Kbis extract');
    expect(before.text).toContain('They are due on');

    await server.deps.db
      .updateTable('document_requests')
      .set({ due_at: new Date(Date.now() - DAY).toISOString() })
      .where('id', '=', setup.request.id)
      .execute();
    await remind(setup.request.id, 'overdue');
    const [after] = remindersTo(setup.recipient);
    expect(after.text).toContain('has passed');
  });

  it('a rejected item counts as missing again', async () => {
    const setup = await requestCreated(server);
    const [kbis, insurance] = setup.request.items;
    const visitor = server.client();
    await recipientUploads(visitor, setup.request.token, kbis.id, 'kbis.pdf', 'kbis');
    await recipientUploads(visitor, setup.request.token, insurance.id, 'insurance.pdf', 'insurance');
    await setup.manager.post(`/api/v1/request-items/${kbis.id}/review`, { decision: 'reject', comment: 'Unreadable.' });
    await remind(setup.request.id);
    const [message] = remindersTo(setup.recipient);
    expect(message.text).toContain('Kbis extract');
    expect(message.text).not.toContain('Insurance certificate');
  });

  it('nothing is sent once every item was received, nor for a cancelled request', async () => {
    const complete = await requestCreated(server);
    const visitor = server.client();
    for (const item of complete.request.items) {
      await recipientUploads(visitor, complete.request.token, item.id, 'file.pdf', item.label);
    }
    await remind(complete.request.id);
    expect(remindersTo(complete.recipient)).toEqual([]);

    const cancelled = await requestCreated(server);
    await cancelled.manager.post(`/api/v1/requests/${cancelled.request.id}/cancel`);
    await remind(cancelled.request.id, 'overdue');
    expect(remindersTo(cancelled.recipient)).toEqual([]);
  });

  it('the queued reminder job runs through the job runner once it is due', async () => {
    const setup = await requestCreated(server);
    await server.deps.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', REQUEST_REMINDER_JOB)
      .where('payload', 'like', `%${setup.request.id}%`)
      .execute();
    mail.clear();
    await server.runJobs();
    expect(remindersTo(setup.recipient)).toHaveLength(3);
    const audit = await server.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'document_request.reminded')
      .where('target_id', '=', setup.request.id)
      .execute();
    expect(audit).toHaveLength(3);
  });
});
