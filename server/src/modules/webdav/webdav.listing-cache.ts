/**
 * Depth-1 PROPFIND answers of large folders, kept as rendered: WebDAV clients list the same folder again and again
 * (Finder and Explorer at every window refresh), and rendering 10,000 members costs tens of milliseconds.
 *
 * An answer is served again only under the listing stamp it was rendered under (see `ListingStampsTable`: database
 * triggers change it with anything a listing shows, in the transaction of the change, whichever instance made it),
 * and only while no lock bears on the folder, since lock timeouts count down without anything changing. Bounded in
 * bytes, least recently used out first.
 */
export class ListingCache {
  private readonly answers = new Map<string, { stamp: number; chunks: Buffer[]; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The answer rendered for `key` (folder, href and properties asked) under this stamp, if it is still kept. */
  get(key: string, stamp: number): Buffer[] | undefined {
    const kept = this.answers.get(key);
    if (!kept || kept.stamp !== stamp) return undefined;
    // Most recently used last: a Map iterates in insertion order.
    this.answers.delete(key);
    this.answers.set(key, kept);
    return kept.chunks;
  }

  set(key: string, stamp: number, chunks: Buffer[]): void {
    this.forget(key);
    const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (bytes > this.maxBytes) return;
    for (const [oldest] of this.answers) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
    this.answers.set(key, { stamp, chunks, bytes });
    this.bytes += bytes;
  }

  private forget(key: string): void {
    const kept = this.answers.get(key);
    if (!kept) return;
    this.answers.delete(key);
    this.bytes -= kept.bytes;
  }
}
