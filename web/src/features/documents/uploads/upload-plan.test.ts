import { describe, expect, it } from 'vitest';
import { dirsOf, planFromFileList, uniqueDirs } from './upload-plan';

const file = (name: string, relativePath = '') => {
  const created = new File(['x'], name);
  Object.defineProperty(created, 'webkitRelativePath', { value: relativePath });
  return created;
};

describe('upload plans', () => {
  it('a file picked from a folder goes into the folders of its relative path', () => {
    expect(dirsOf('Q3/Invoices/march.pdf')).toEqual(['Q3', 'Invoices']);
    expect(dirsOf('/Q3//march.pdf')).toEqual(['Q3']);
    expect(dirsOf('march.pdf')).toEqual([]);
  });

  it('a folder picked with its sub-folders lists each folder once, parents first, whatever the letter case', () => {
    const plan = planFromFileList([
      file('a.txt', 'Project/Specs/a.txt'),
      file('b.txt', 'Project/specs/b.txt'),
      file('c.txt', 'Project/c.txt'),
    ]);
    expect(plan.files.map((item) => item.dirs)).toEqual([['Project', 'Specs'], ['Project', 'specs'], ['Project']]);
    expect(plan.dirs).toEqual([['Project'], ['Project', 'Specs']]);
  });

  it('files chosen one by one go straight into the current folder', () => {
    const plan = planFromFileList([file('a.txt'), file('b.txt')]);
    expect(plan.files.every((item) => item.dirs.length === 0)).toBe(true);
    expect(plan.dirs).toEqual([]);
  });

  it('deep paths bring every ancestor folder', () => {
    expect(uniqueDirs([['a', 'b', 'c']])).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
  });
});
