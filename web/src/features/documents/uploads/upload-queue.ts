import { type SendUpload, sendUpload, UploadCanceled } from './upload-transport';

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'error' | 'canceled';

/** What the upload panel shows of one file. */
export type UploadItem = {
  id: string;
  /** The file's path relative to where it was dropped (`Q3/Invoices/march.pdf`). */
  path: string;
  size: number;
  sent: number;
  status: UploadStatus;
  error: unknown;
};

export type UploadJob = {
  path: string;
  file: File;
  /** Where the request goes once the folder is known (`/api/v1/spaces/…/documents`, or a document's versions). */
  url: string;
  /** Resolves the destination folder (created on demand); `undefined` for uploads that take no folder field. */
  folderId?: () => Promise<string | null>;
  fields?: Record<string, string | undefined>;
};

type Entry = UploadItem & { job: UploadJob; abort?: () => void };

export type UploadQueue = ReturnType<typeof createUploadQueue>;

/**
 * Uploads files a few at a time (each a multipart POST with progress), and tells React about every change through
 * a `useSyncExternalStore`-style subscription. Snapshots are new arrays, never mutated.
 */
export function createUploadQueue(options: { concurrency?: number; send?: SendUpload; onSettled?: () => void } = {}) {
  const { concurrency = 3, send = sendUpload, onSettled } = options;
  let entries: Entry[] = [];
  let snapshot: readonly UploadItem[] = [];
  let nextId = 0;
  const listeners = new Set<() => void>();

  const publish = () => {
    snapshot = entries.map(({ job: _job, abort: _abort, ...item }) => item);
    for (const listener of listeners) listener();
  };
  const update = (id: string, change: Partial<Entry>) => {
    entries = entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
    publish();
  };
  const find = (id: string) => entries.find((entry) => entry.id === id);

  async function run(entry: Entry) {
    const { job } = entry;
    update(entry.id, { status: 'uploading', sent: 0, error: null });
    try {
      const folderId = job.folderId ? await job.folderId() : undefined;
      // Cancelled while its folder was being created.
      if (find(entry.id)?.status !== 'uploading') return;
      const fields = { ...(folderId ? { folderId } : {}), ...job.fields };
      const handle = send({
        url: job.url,
        fields,
        file: job.file,
        onProgress: (sent) => update(entry.id, { sent }),
      });
      update(entry.id, { abort: handle.abort });
      await handle.result;
      update(entry.id, { status: 'done', sent: job.file.size, abort: undefined });
    } catch (error) {
      const canceled = error instanceof UploadCanceled || find(entry.id)?.status === 'canceled';
      update(entry.id, { status: canceled ? 'canceled' : 'error', error: canceled ? null : error, abort: undefined });
    }
    // Even a failed file may have created its folders: whatever happened, the listings may have changed.
    onSettled?.();
  }

  function pump() {
    const active = entries.filter((entry) => entry.status === 'uploading').length;
    const waiting = entries.filter((entry) => entry.status === 'queued').slice(0, Math.max(0, concurrency - active));
    for (const entry of waiting) {
      void run(entry).finally(pump);
    }
  }

  function add(jobs: UploadJob[]): string[] {
    const added = jobs.map((job): Entry => {
      nextId += 1;
      return {
        id: `upload-${nextId}`,
        path: job.path,
        size: job.file.size,
        sent: 0,
        status: 'queued',
        error: null,
        job,
      };
    });
    entries = [...entries, ...added];
    publish();
    pump();
    return added.map((entry) => entry.id);
  }

  function cancel(id: string) {
    const entry = find(id);
    if (!entry || (entry.status !== 'queued' && entry.status !== 'uploading')) return;
    update(id, { status: 'canceled' });
    entry.abort?.();
  }

  return {
    add,
    cancel,
    cancelAll: () => {
      for (const entry of entries) cancel(entry.id);
    },
    /** Tries a failed or cancelled file again. */
    retry: (id: string) => {
      const entry = find(id);
      if (!entry || (entry.status !== 'error' && entry.status !== 'canceled')) return;
      update(id, { status: 'queued', sent: 0, error: null });
      pump();
    },
    /** Forgets finished, failed and cancelled files (the panel closes when nothing is left). */
    clearFinished: () => {
      entries = entries.filter((entry) => entry.status === 'queued' || entry.status === 'uploading');
      publish();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: (): readonly UploadItem[] => snapshot,
  };
}

/** Overall numbers for the panel's header and its progress bar. */
export function summarize(items: readonly UploadItem[]) {
  const counted = items.filter((item) => item.status !== 'canceled');
  const total = counted.reduce((sum, item) => sum + item.size, 0);
  const sent = counted.reduce((sum, item) => sum + (item.status === 'done' ? item.size : item.sent), 0);
  const done = counted.filter((item) => item.status === 'done').length;
  const failed = counted.filter((item) => item.status === 'error').length;
  const active = items.some((item) => item.status === 'queued' || item.status === 'uploading');
  // An empty file has nothing to send: count files then, so that the bar still moves.
  const percent =
    total > 0 ? Math.round((sent / total) * 100) : counted.length ? Math.round((done / counted.length) * 100) : 0;
  return { count: counted.length, done, failed, active, percent: active ? Math.min(percent, 99) : percent };
}
