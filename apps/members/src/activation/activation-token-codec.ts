import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A link's token names its record and proves it was given out: `<memberId>.<n>.<secret>`, the
 * record being the member's link number n and the secret 256 random bits (base64url) of which
 * only the SHA-256 is stored. Naming the record lets the member's click read it by `_id`: found
 * by the secret's hash alone, it was a read of every link on FerretDB, which serves no other field
 * from an index. Tokens of 0.4 are the bare secret; they are looked up by hash until they expire.
 */
export interface ActivationTokenParts {
  /** `<memberId>:<n>`, the record's `_id`; null for a token of 0.4. */
  recordId: string | null;
  secretHash: string;
}

const NUMBERED_TOKEN = /^([0-9A-Za-z-]{1,64})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newActivationSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: hashSecret(secret) };
}

export function activationToken(memberId: string, seq: number, secret: string): string {
  return `${memberId}.${seq}.${secret}`;
}

/** The token's parts, or null when it cannot be one (the caller answers "unknown link"). */
export function parseActivationToken(token: string): ActivationTokenParts | null {
  const numbered = NUMBERED_TOKEN.exec(token);
  if (numbered) return { recordId: `${numbered[1]}:${Number(numbered[2])}`, secretHash: hashSecret(numbered[3]) };
  return SECRET.test(token) ? { recordId: null, secretHash: hashSecret(token) } : null;
}

export function sameSecretHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(presented, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
