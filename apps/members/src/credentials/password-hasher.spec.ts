import { scryptSync } from 'node:crypto';
import { PasswordHasher } from './password-hasher';

const hasher = new PasswordHasher();
const password = 'correct horse battery staple';

describe('PasswordHasher', () => {
  let stored: string;

  beforeAll(async () => {
    stored = await hasher.hash(password);
  });

  it('stores the cost, a 16-byte salt and a 32-byte key', () => {
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  });

  it('verifies the password it hashed', async () => {
    await expect(hasher.verify(password, stored)).resolves.toBe(true);
  });

  it.each(['Correct horse battery staple', `${password} `])(
    'refuses another password: %j',
    async (other) => {
      await expect(hasher.verify(other, stored)).resolves.toBe(false);
    },
  );

  it('salts: two hashes of the same password differ', async () => {
    const again = await hasher.hash(password);
    expect(again).not.toBe(stored);
    await expect(hasher.verify(password, again)).resolves.toBe(true);
  });

  it('matches the same password whatever its Unicode composition', async () => {
    const composed = await hasher.hash('caf\u00e9 au lait tous les matins');
    await expect(hasher.verify('cafe\u0301 au lait tous les matins', composed)).resolves.toBe(true);
  });

  it('verifies hashes made with another cost, as read from the stored string', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(password, salt, 64, { N: 2 ** 14, r: 8, p: 2 });
    const older = `scrypt$14$8$2$${salt.toString('base64')}$${key.toString('base64')}`;
    await expect(hasher.verify(password, older)).resolves.toBe(true);
    await expect(hasher.verify('not the password', older)).resolves.toBe(false);
  });

  it.each([
    ['empty', () => ''],
    ['not a hash', () => 'hunter2'],
    ['another scheme', () => stored.replace(/^scrypt/, 'bcrypt')],
    ['a missing part', () => stored.split('$').slice(0, 5).join('$')],
    ['an extra part', () => `${stored}$x`],
    ['a cost that is not a number', () => stored.replace('$17$', '$x$')],
    ['a zero cost', () => stored.replace('$8$1$', '$8$0$')],
    ['a cost too large for memory', () => stored.replace('$17$8$', '$25$8$')],
    ['a salt that is not base64', () => stored.replace(/^((?:[^$]*\$){4})[^$]*/, '$1not*base64')],
    ['a key that is not base64', () => stored.replace(/[^$]*$/, '!!!!')],
    ['a key too short', () => stored.replace(/[^$]*$/, Buffer.alloc(8).toString('base64'))],
    ['a key of another length', () => stored.replace(/[^$]*$/, Buffer.alloc(48).toString('base64'))],
  ])('answers false, without throwing, for a malformed stored string: %s', async (_case, malformed) => {
    await expect(hasher.verify(password, malformed())).resolves.toBe(false);
  });

  it('spends a verification on a dummy hash and answers false', async () => {
    await expect(hasher.verifyAgainstDummy(password)).resolves.toBe(false);
    await expect(hasher.verifyAgainstDummy('')).resolves.toBe(false);
  });
});
