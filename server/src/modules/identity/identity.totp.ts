import { createHmac, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

const TOTP_ISSUER = 'Gatehouse';
const PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are read from paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export async function totpQrSvg(uri: string): Promise<string> {
  // Loaded by the few requests that enrol an authenticator, not by every process.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * Checks a 6-digit code against the seed, one step either side for clock drift, and only steps after `lastStep`
 * so a code once accepted (or an older one) is never accepted again. Returns the matched step, or null.
 */
export async function matchTotp(input: {
  secret: string;
  code: string;
  now: Date;
  lastStep: number | string | null;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(input.code)) return null;
  try {
    const result = await verify({
      secret: input.secret,
      token: input.code,
      epoch: Math.floor(input.now.getTime() / 1000),
      epochTolerance: PERIOD_SECONDS,
      // PostgreSQL returns bigint columns as strings.
      ...(input.lastStep === null ? {} : { afterTimeStep: Number(input.lastStep) }),
    });
    // The functional API types TOTP and HOTP results together; only TOTP results carry the step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Ten codes like `k3m9x-p2q7r` (50 random bits each), drawn from the CSPRNG. */
export function newRecoveryCodes(): string[] {
  const part = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${part()}-${part()}`);
}

/** Accepts what people type: any case, with or without the dash and spaces. */
export function normalizeRecoveryCode(code: string): string | null {
  const compact = code.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== 10) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

/**
 * Recovery codes are stored as an HMAC keyed with SECRET_KEY: 50 bits would fall to an offline search of a plain
 * hash, but a copy of the database alone does not carry the key.
 */
export function hashRecoveryCode(secretKey: Buffer, code: string): string {
  return createHmac('sha256', secretKey).update(`gatehouse/recovery-code/v1:${code}`).digest('hex');
}
