import { describe, expect, it } from 'vitest';
import { planFromEntries } from './drop-entries';

type Fake = { name: string; isFile: boolean; isDirectory: boolean };

/** File-system entries as Chrome hands them over on a drop; directories answer readEntries in small batches. */
const fileEntry = (name: string) =>
  ({
    name,
    isFile: true,
    isDirectory: false,
    file: (done: (file: File) => void) => done(new File([name], name)),
  }) as Fake;
const dirEntry = (name: string, children: Fake[], batch = 2) =>
  ({
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let offset = 0;
      return {
        readEntries: (done: (entries: Fake[]) => void) => {
          done(children.slice(offset, offset + batch));
          offset += batch;
        },
      };
    },
  }) as Fake;

describe('dropped folders', () => {
  it('a dropped folder is walked to the bottom, every batch of entries included, empty sub-folders kept', async () => {
    const tree = dirEntry('Q3', [
      fileEntry('a.pdf'),
      fileEntry('b.pdf'),
      fileEntry('c.pdf'),
      dirEntry('Invoices', [fileEntry('march.pdf')]),
      dirEntry('Empty', []),
    ]);
    const plan = await planFromEntries({
      entries: [tree, fileEntry('loose.txt')] as unknown as FileSystemEntry[],
      files: [],
    });
    expect(plan.files.map((item) => [...item.dirs, item.file.name].join('/')).sort()).toEqual([
      'Q3/Invoices/march.pdf',
      'Q3/a.pdf',
      'Q3/b.pdf',
      'Q3/c.pdf',
      'loose.txt',
    ]);
    expect(plan.dirs).toEqual([['Q3'], ['Q3', 'Invoices'], ['Q3', 'Empty']]);
  });

  it('plain files (no entries API) go straight into the current folder', async () => {
    const plan = await planFromEntries({ entries: [], files: [new File(['x'], 'x.txt')] });
    expect(plan.files).toHaveLength(1);
    expect(plan.files[0].dirs).toEqual([]);
  });
});
