import { describe, expect, it } from 'vitest';
import { createUploadQueue, summarize } from './upload-queue';
import { type SendUpload, UploadCanceled, type UploadRequest } from './upload-transport';

/** A transport whose requests finish only when the test says so. */
function fakeTransport() {
  const pending: { request: UploadRequest; finish: (ok?: unknown) => void; fail: (error: unknown) => void }[] = [];
  const send: SendUpload = <T>(request: UploadRequest) => {
    let finish!: (value: unknown) => void;
    let fail!: (error: unknown) => void;
    const result = new Promise<T>((resolve, reject) => {
      finish = resolve as (value: unknown) => void;
      fail = reject;
    });
    pending.push({ request, finish, fail });
    return { result, abort: () => fail(new UploadCanceled()) };
  };
  return { send, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const job = (name: string, size = 10) => ({ path: name, file: new File(['x'.repeat(size)], name), url: '/upload' });

describe('upload queue', () => {
  it('sends at most three files at once and starts the next as soon as one finishes', async () => {
    const transport = fakeTransport();
    const queue = createUploadQueue({ send: transport.send });
    queue.add(['a', 'b', 'c', 'd', 'e'].map((name) => job(name)));
    await settle();
    expect(transport.pending).toHaveLength(3);
    transport.pending[0].finish({});
    await settle();
    expect(transport.pending).toHaveLength(4);
    expect(queue.getSnapshot().map((item) => item.status)).toEqual([
      'done',
      'uploading',
      'uploading',
      'uploading',
      'queued',
    ]);
  });

  it('sends the folder field before the file and reports progress in bytes of the file', async () => {
    const transport = fakeTransport();
    const queue = createUploadQueue({ send: transport.send });
    queue.add([{ ...job('a.txt', 100), folderId: async () => 'folder-1' }]);
    await settle();
    const [{ request }] = transport.pending;
    expect(request.fields).toEqual({ folderId: 'folder-1' });
    request.onProgress?.(40);
    expect(summarize(queue.getSnapshot()).percent).toBe(40);
  });

  it('a cancelled file stops, the others go on, and the overall bar reaches 100 % without it', async () => {
    const transport = fakeTransport();
    const queue = createUploadQueue({ send: transport.send });
    const [first] = queue.add([job('a'), job('b')]);
    await settle();
    queue.cancel(first);
    transport.pending[1].finish({});
    await settle();
    expect(queue.getSnapshot().map((item) => item.status)).toEqual(['canceled', 'done']);
    expect(summarize(queue.getSnapshot())).toMatchObject({ percent: 100, active: false, done: 1, count: 1 });
  });

  it('a refused file keeps its error to show, and can be retried', async () => {
    const transport = fakeTransport();
    const queue = createUploadQueue({ send: transport.send });
    const [id] = queue.add([job('big.iso')]);
    await settle();
    transport.pending[0].fail(new Error('quota'));
    await settle();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: 'error' });
    queue.retry(id);
    await settle();
    expect(transport.pending).toHaveLength(2);
    expect(queue.getSnapshot()[0].status).toBe('uploading');
  });

  it('cancel all stops what is running and what is waiting', async () => {
    const transport = fakeTransport();
    const queue = createUploadQueue({ send: transport.send });
    queue.add(['a', 'b', 'c', 'd'].map((name) => job(name)));
    await settle();
    queue.cancelAll();
    await settle();
    expect(queue.getSnapshot().every((item) => item.status === 'canceled')).toBe(true);
    expect(transport.pending).toHaveLength(3);
  });
});
