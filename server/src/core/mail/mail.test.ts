import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database';
import { testDialect } from '../../../test/dialect';
import { startMailCatcher } from '../../../test/support/smtp';
import { systemClock } from '../clock';
import { loadConfig } from '../config/config';
import type { Deps } from '../context';
import { runDueJobs } from '../jobs/jobs';
import { createLogger } from '../logger';
import { migrateToLatest } from '../migrations';
import { createLocalBlobStore } from '../storage/local-blob-store';
import { createMailSender, enqueueMail, MAIL_JOB, mailJobHandler } from './mail';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function depsWith(env: Record<string, string>): Promise<Deps> {
  const database = await openTestDatabase();
  cleanups.push(database.close);
  await migrateToLatest(database.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-mail-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    db: database.db,
    config: loadConfig({ DATA_DIR: dataDir, ...env }),
    clock: systemClock,
    logger: createLogger('silent'),
    wakeJobs: () => {},
    blobs: await createLocalBlobStore({ root: join(dataDir, 'blobs'), masterKey: null }),
  };
}

const message = { to: 'partner@example.test', subject: 'Hello partner', text: 'Your space is ready.' };

describe(`durable mail queue (${testDialect})`, () => {
  it('a queued e-mail is delivered to the SMTP server by the job runner', async () => {
    const catcher = await startMailCatcher();
    cleanups.push(() => catcher.close());
    const deps = await depsWith({ SMTP_URL: catcher.url });
    await deps.db.transaction().execute((trx) => enqueueMail(trx, new Date(), message));
    const handlers = { [MAIL_JOB]: mailJobHandler(createMailSender(deps.config, deps.logger)) };
    expect(await runDueJobs(deps, handlers)).toBe(1);
    const received = await catcher.waitFor((m) => m.subject === 'Hello partner');
    expect(received.text).toContain('Your space is ready.');
    const job = await deps.db.selectFrom('jobs').select(['status', 'attempts']).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', attempts: 1 });
  });

  it('without SMTP_URL the e-mail is written to DATA_DIR/outbox as an .eml file', async () => {
    const deps = await depsWith({});
    await deps.db.transaction().execute((trx) => enqueueMail(trx, new Date(), message));
    await runDueJobs(deps, { [MAIL_JOB]: mailJobHandler(createMailSender(deps.config, deps.logger)) });
    const files = readdirSync(join(deps.config.dataDir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const eml = readFileSync(join(deps.config.dataDir, 'outbox', files[0]), 'utf8');
    expect(eml).toContain('Subject: Hello partner');
    expect(eml).toContain('To: partner@example.test');
  });

  it('a mail server that is down does not lose the e-mail: the job is retried later', async () => {
    const deps = await depsWith({ SMTP_URL: 'smtp://127.0.0.1:1' });
    await deps.db.transaction().execute((trx) => enqueueMail(trx, new Date(), message));
    await runDueJobs(deps, { [MAIL_JOB]: mailJobHandler(createMailSender(deps.config, deps.logger)) });
    const job = await deps.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(job.attempts).toBe(1);
    expect(job.last_error).toBeTruthy();
    expect(Date.parse(job.run_at)).toBeGreaterThan(Date.now());
  });

  it('an e-mail queued in a transaction that rolls back is never sent', async () => {
    const deps = await depsWith({});
    await expect(
      deps.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, new Date(), message);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const jobs = await deps.db.selectFrom('jobs').selectAll().execute();
    expect(jobs).toEqual([]);
  });
});
