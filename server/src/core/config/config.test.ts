import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults give the embedded setup: SQLite under ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.dialect).toBe('sqlite');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('DATABASE_URL switches to PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/gatehouse' }).dialect).toBe('postgres');
  });

  it('every problem is reported at once, not just the first', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://nope', REQUIRE_2FA: 'maybe', GATEHOUSE_ADMIN_EMAIL: 'a@b.test' });
      expect.unreachable('loadConfig accepted a broken configuration');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'REQUIRE_2FA', 'GATEHOUSE_ADMIN_PASSWORD'])
        expect(problems).toContain(name);
    }
  });

  it('TRUST_PROXY accepts true, a hop count or a list of addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
