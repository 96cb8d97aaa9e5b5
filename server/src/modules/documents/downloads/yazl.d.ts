/** The part of yazl 3 that zip.ts uses (the package ships no types). */
declare module 'yazl' {
  import type { EventEmitter } from 'node:events';
  import type { Readable } from 'node:stream';

  type EntryOptions = { mtime?: Date; mode?: number; compress?: boolean; forceZip64Format?: boolean; size?: number };

  export class ZipFile extends EventEmitter {
    outputStream: Readable;
    addReadStreamLazy(
      metadataPath: string,
      options: EntryOptions,
      getReadStream: (callback: (error: Error | null, stream?: Readable) => void) => void,
    ): void;
    addEmptyDirectory(metadataPath: string, options?: { mtime?: Date; mode?: number }): void;
    end(options?: { forceZip64Format?: boolean }, calculatedTotalSizeCallback?: (size: number) => void): void;
  }
}
