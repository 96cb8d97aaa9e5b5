/** A file to upload and the folders (relative to where it was dropped) it goes into. */
export type PlannedFile = { file: File; dirs: string[] };
/** What a drop or a directory picker brings: files, plus every folder (so that empty ones are created too). */
export type UploadPlan = { files: PlannedFile[]; dirs: string[][] };

/** Same rule as the server's uniqueness: "Reports" and "reports" are the same folder. */
export const nameKey = (name: string) => name.normalize('NFC').toLowerCase();

/** `"a/b/c.txt"` → folders `["a", "b"]`; empty segments (leading slash, doubled slashes) are dropped. */
export function dirsOf(relativePath: string): string[] {
  const parts = relativePath.split('/').filter((part) => part !== '' && part !== '.');
  return parts.slice(0, -1);
}

/** Files from an `<input type=file>`: with `webkitdirectory` each carries its path under the chosen folder. */
export function planFromFileList(files: Iterable<File>): UploadPlan {
  const planned = [...files].map((file) => ({ file, dirs: dirsOf(file.webkitRelativePath || file.name) }));
  return { files: planned, dirs: uniqueDirs(planned.map((item) => item.dirs)) };
}

/** Every distinct folder path and its ancestors, parents before children. */
export function uniqueDirs(paths: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const path of paths) {
    for (let depth = 1; depth <= path.length; depth += 1) {
      const prefix = path.slice(0, depth);
      const key = prefix.map(nameKey).join('/');
      if (!seen.has(key)) seen.set(key, prefix);
    }
  }
  return [...seen.values()].sort((a, b) => a.length - b.length);
}

export const displayPath = (item: PlannedFile) => [...item.dirs, item.file.name].join('/');
