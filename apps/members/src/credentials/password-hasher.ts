import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}

// OWASP's recommendation for scrypt. Stored hashes carry their own cost, so raising it later only
// affects new hashes.
const CURRENT_COST: ScryptCost = { log2N: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Bounds on what a stored string may ask for, so that a corrupt one cannot make verify() eat memory.
const MAX_MEMORY = 1024 * 1024 * 1024;
const KEY_BYTES_RANGE = { min: 16, max: 64 };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

/**
 * Hashes passwords with scrypt into `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64), a string that
 * says how it was made so that verification keeps working when the cost changes.
 */
@Injectable()
export class PasswordHasher {
  // Same cost as a real hash, so checking it takes as long; no password derives an all-zero key.
  private static readonly DUMMY: StoredHash = {
    cost: CURRENT_COST,
    salt: Buffer.alloc(SALT_BYTES),
    key: Buffer.alloc(KEY_BYTES),
  };

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, CURRENT_COST);
    const { log2N, r, p } = CURRENT_COST;
    return ['scrypt', log2N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Whether `password` is the one `stored` was made from; false, never an exception, when `stored` is not a hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    return parsed !== null && matches(password, parsed);
  }

  /**
   * Takes as long as `verify` and always answers false: for a sign-in to an account that does not
   * exist, so that the response time does not tell which accounts do.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    await matches(password, PasswordHasher.DUMMY);
    return false;
  }
}

async function matches(password: string, { cost, salt, key }: StoredHash): Promise<boolean> {
  try {
    const candidate = await derive(password, salt, key.length, cost);
    return timingSafeEqual(candidate, key);
  } catch {
    return false;
  }
}

function derive(password: string, salt: Buffer, keyBytes: number, { log2N, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** log2N;
  // NFKC, as NIST SP 800-63B advises, so that the same password typed on another keyboard or
  // system (composed é or e + accent) still matches.
  const normalized = password.normalize('NFKC');
  return new Promise((resolve, reject) =>
    scrypt(normalized, salt, keyBytes, { N, r, p, maxmem: 2 * memoryFor({ log2N, r, p }) }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function memoryFor({ log2N, r, p }: ScryptCost): number {
  return 128 * 2 ** log2N * r * p;
}

function parse(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map((part) => (/^[1-9]\d{0,2}$/.test(part) ? Number(part) : NaN));
  const cost = { log2N, r, p };
  if (!(log2N <= 30 && r > 0 && p > 0 && memoryFor(cost) <= MAX_MEMORY)) return null;
  const salt = decode(parts[4]);
  const key = decode(parts[5]);
  if (salt === null || key === null || key.length < KEY_BYTES_RANGE.min || key.length > KEY_BYTES_RANGE.max) return null;
  return { cost, salt, key };
}

// Node's base64 decoder skips what it does not understand; a round trip tells a real value from junk.
function decode(text: string): Buffer | null {
  if (!BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
