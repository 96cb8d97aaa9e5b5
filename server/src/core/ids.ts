import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** New row id: UUIDv7, sortable by creation time and portable across both dialects. */
export function newId(): string {
  return v7();
}

/** A URL-safe random secret with 256 bits of entropy (session tokens, API tokens, one-time links). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored as their SHA-256: they carry 256 bits of entropy, so a slow hash would add nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
