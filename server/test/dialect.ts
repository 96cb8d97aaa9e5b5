/** Which database the current vitest project runs on (set per project in vitest.config.ts). */
export const testDialect = (process.env.GATEHOUSE_TEST_DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';
