import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTable } from '../src/core/config/config-table';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('begins with the two commands', () => {
    const firstBlock = readme.slice(0, readme.indexOf('```', readme.indexOf('```') + 3));
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('shows the settings table generated from the config schema (run `npx gatehouse config-table` after a change)', () => {
    const start = readme.indexOf('<!-- config-table:start -->') + '<!-- config-table:start -->'.length;
    const end = readme.indexOf('<!-- config-table:end -->');
    expect(readme.slice(start, end).trim()).toBe(configTable());
  });
});
