import type { Actor } from './auth/actor';
import type { Clock } from './clock';
import type { Config } from './config/config';
import type { Db } from './db/database';
import type { Logger } from './logger';
import type { BlobStore } from './storage/blob-store';

/** Long-lived dependencies built once at start and shared by every request. */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** The file store (content-addressed blobs): local disk or S3. */
  blobs: BlobStore;
  /** Wakes the job runner after a commit so e-mails leave at once instead of at the next poll. */
  wakeJobs: () => void;
};

/** What a service knows about the request it serves: dependencies, who asks, and from where. */
export type RequestContext = Deps & {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};

export function systemContext(deps: Deps, label = 'cli'): RequestContext {
  return { ...deps, actor: { kind: 'system', label }, ip: null, userAgent: null, requestId: `system-${label}` };
}
