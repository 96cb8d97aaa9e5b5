import { type PlannedFile, type UploadPlan, uniqueDirs } from './upload-plan';

/**
 * The dropped items as file-system entries. Must run during the drop event itself: the DataTransfer is emptied as
 * soon as the handler returns, while walking the folders is asynchronous.
 */
export function droppedEntries(transfer: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(transfer.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  // Without the entries API (very old browsers), plain files still upload; folders then cannot be walked.
  return { entries, files: entries.length > 0 ? [] : Array.from(transfer.files ?? []) };
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** readEntries answers in batches (100 at a time in Chrome) until it answers an empty one. */
async function readAll(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;

/** Walks dropped files and folders into an upload plan that keeps the folder structure. */
export async function planFromEntries(dropped: { entries: FileSystemEntry[]; files: File[] }): Promise<UploadPlan> {
  const files: PlannedFile[] = dropped.files.map((file) => ({ file, dirs: [] }));
  const dirs: string[][] = [];
  const walk = async (entry: FileSystemEntry, parents: string[]) => {
    if (isFile(entry)) {
      files.push({ file: await fileOf(entry), dirs: parents });
    } else if (isDirectory(entry)) {
      const path = [...parents, entry.name];
      dirs.push(path);
      for (const child of await readAll(entry)) await walk(child, path);
    }
  };
  for (const entry of dropped.entries) await walk(entry, []);
  return { files, dirs: uniqueDirs([...dirs, ...files.map((item) => item.dirs)]) };
}
