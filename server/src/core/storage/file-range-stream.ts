import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * A byte range of a local file (`end` inclusive) as a Readable.
 *
 * Piped into an HTTP response (how Fastify sends a stream), it reads through two buffers used over and over, each
 * filled again only once the response's write callback said its bytes went out. fs.createReadStream allocates a new
 * buffer for every read, and every few dozen megabytes of them make V8 mark the whole heap: serving 1 GiB cost
 * ~2.5 s of CPU in collections on a 2-core machine, more than the transfer itself (see bench:files).
 *
 * Anything else (another writable, a transform, `for await`) gets a fresh buffer per chunk like from any stream: a
 * transform's write callback comes before its reader is done with the chunk, so reuse would be unsafe there.
 */
export class FileRangeStream extends Readable {
  private handle: Promise<FileHandle> | null = null;
  private position: number;
  private pumping = false;

  constructor(
    private readonly path: string,
    start: number,
    private readonly end: number,
    private readonly chunkBytes: number,
  ) {
    super({ highWaterMark: chunkBytes });
    this.position = start;
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    if (!(destination instanceof ServerResponse) || this.pumping || this.readableFlowing !== null) {
      return super.pipe(destination, options);
    }
    this.pumping = true;
    void this.pump(destination, options?.end !== false);
    return destination;
  }

  override _read(): void {
    const size = Math.min(this.chunkBytes, this.end - this.position + 1);
    if (size <= 0) {
      this.push(null);
      return;
    }
    this.readInto(Buffer.allocUnsafeSlow(size)).then(
      (chunk) => this.push(chunk.length > 0 ? chunk : null),
      (error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // FileHandle.close waits for a read in flight.
    const closing = this.handle ? this.handle.then((handle) => handle.close()) : Promise.resolve();
    closing.then(
      () => callback(error),
      (closeError) => callback(error ?? closeError),
    );
  }

  /** Reads the next bytes of the range into `buffer`; an empty slice at the end of the range. */
  private async readInto(buffer: Buffer): Promise<Buffer> {
    this.handle ??= open(this.path, 'r');
    const handle = await this.handle;
    const size = Math.min(buffer.length, this.end - this.position + 1);
    if (size <= 0) return buffer.subarray(0, 0);
    const { bytesRead } = await handle.read(buffer, 0, size, this.position);
    this.position += bytesRead;
    return buffer.subarray(0, bytesRead);
  }

  private async pump(response: ServerResponse, end: boolean): Promise<void> {
    const buffers = [Buffer.allocUnsafeSlow(this.chunkBytes), Buffer.allocUnsafeSlow(this.chunkBytes)];
    // The write of the other buffer, awaited before that buffer is filled again.
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let turn = 0; ; turn += 1) {
        const chunk = await this.readInto(buffers[turn % 2]);
        if (this.destroyed) return;
        // The client went away: nothing will read the rest, and the file is closed with the stream.
        if (response.destroyed) {
          this.destroy();
          return;
        }
        if (chunk.length === 0) break;
        const previous = writing;
        writing = written(response, chunk);
        // Awaited later, or never if the client leaves first: its failure must not go unhandled meanwhile.
        writing.catch(() => {});
        await previous;
      }
      await writing;
      if (end) response.end();
      this.push(null);
      // Nothing was pushed: flowing lets 'end' (what pipe's and pipeline's callers wait for) be emitted at once.
      this.resume();
    } catch (error) {
      // A write failing because the client went away is how downloads end early, not an error of the file.
      this.destroy(response.destroyed ? undefined : (error as Error));
    }
  }
}

/** Resolves once the response has handed `chunk` to the socket, or rejects; a closed response settles it too. */
function written(response: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onClose = () => resolve();
    response.once('close', onClose);
    response.write(chunk, (error) => {
      response.off('close', onClose);
      if (error) reject(error);
      else resolve();
    });
  });
}
