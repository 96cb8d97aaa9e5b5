import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id floor (m = 19 MiB, t = 2, p = 1). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolatedModules cannot import).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

let commonPasswords: Set<string> | null = null;

/**
 * The zxcvbn word lists (half a megabyte) are read by the first password chosen, not at start. Required, not
 * imported, so that the check stays synchronous for its callers.
 */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, unknown>;
    };
    commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so an account without a password cannot be told apart by timing.
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so unknown and known accounts take the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('gatehouse-timing-equalizer-password');
  return dummyHash;
}

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (loadCommonPasswords().has(lower)) return 'This password is on a list of common passwords.';
  if (/^(.)\1+$/.test(password)) return 'This password repeats a single character.';
  if (email && lower.includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) {
    return 'The password must not contain your e-mail address.';
  }
  return null;
}
