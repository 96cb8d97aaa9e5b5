import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from './app';
import { createDeps } from './core/bootstrap';
import type { Clock } from './core/clock';
import type { Config } from './core/config/config';
import type { Deps } from './core/context';
import type { Db } from './core/db/database';
import { EVENT_JOB } from './core/events/events';
import { collectEvents, eventDeliveryJob } from './core/events/events.delivery';
import { type JobHandlers, startJobRunner } from './core/jobs/jobs';
import type { Logger } from './core/logger';
import { createMailSender, MAIL_JOB, mailJobHandler } from './core/mail/mail';
import type { ModuleManifest } from './core/module';
import { modules } from './modules';
import { bootstrapFirstAdmin } from './modules/identity';
import { ensureHostOrganization } from './modules/organizations';

export type RunningServer = {
  app: FastifyInstance;
  deps: Deps;
  url: string;
  /** Printed once when no admin exists yet: opens the browser setup of the first admin. */
  setupUrl: string | null;
  stop: () => Promise<void>;
};

/**
 * The job handlers of every module, the mail queue's and the delivery of domain events to the modules' subscribers;
 * a job kind claimed twice, like a subscriber declared twice, is an error at start.
 */
export function jobHandlers(deps: Deps, manifests: readonly ModuleManifest<object>[] = modules): JobHandlers {
  const handlers: JobHandlers = {
    [MAIL_JOB]: mailJobHandler(createMailSender(deps.config, deps.logger)),
    [EVENT_JOB]: eventDeliveryJob(collectEvents(manifests)),
  };
  for (const module of manifests) {
    for (const [kind, handler] of Object.entries(module.jobs ?? {})) {
      if (handlers[kind]) throw new Error(`Job kind ${kind} is handled twice (again by ${module.name})`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}

/** Everything `gatehouse start` does: database, first-run bootstrap, job runner, HTTP listener. */
export async function startServer(
  config: Config,
  options: BuildAppOptions & { clock?: Clock; logger?: Logger; db?: Db; runJobs?: boolean } = {},
): Promise<RunningServer> {
  const deps = await createDeps(config, options);
  await ensureHostOrganization(deps);
  const setup = await bootstrapFirstAdmin(deps);
  const runner = options.runJobs === false ? null : startJobRunner(deps, jobHandlers(deps, options.modules));
  if (runner) deps.wakeJobs = runner.wake;
  const app = await buildApp(deps, options);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('[::1]', 'localhost');
  return {
    app,
    deps,
    url,
    setupUrl: setup?.setupUrl ?? null,
    async stop() {
      await app.close();
      await runner?.stop();
      await deps.db.destroy();
    },
  };
}
