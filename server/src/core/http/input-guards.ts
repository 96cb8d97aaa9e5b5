import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/** Finds the path of the first string holding a NUL character, walking at most `budget` values. */
function findNul(value: unknown, path: string, budget = { left: 10_000 }): string | null {
  if (budget.left-- <= 0) return null;
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNul(value[i], `${path}[${i}]`, budget);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(key, path, budget) ?? findNul(inner, path ? `${path}.${key}` : key, budget);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses NUL characters anywhere in params, query or body before validation: PostgreSQL cannot store them in text
 * (it would be a 500) and no legitimate name, e-mail or description contains one.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const at = findNul(value, '');
      if (at) {
        throw new AppError('http.validation_failed', 400, 'Invalid request', 'NUL characters are not allowed.', {}, [
          { path: `${part}.${at}`, message: 'NUL characters are not allowed' },
        ]);
      }
    }
  });
}
