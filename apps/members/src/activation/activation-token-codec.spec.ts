import { createHash } from 'node:crypto';
import { activationToken, newActivationSecret, parseActivationToken, sameSecretHash } from './activation-token-codec';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const MEMBER = '0b5d3c9e-7f1a-4d2b-9c3e-5a6b7c8d9e0f';

describe('activation tokens', () => {
  it('name their record and carry a secret of which only the hash is kept', () => {
    const { secret, secretHash } = newActivationSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretHash).toBe(sha256(secret));

    const token = activationToken(MEMBER, 12, secret);

    expect(token).toBe(`${MEMBER}.12.${secret}`);
    expect(parseActivationToken(token)).toEqual({ recordId: `${MEMBER}:12`, secretHash });
  });

  it('read a bare secret, as 0.4 gave out, as naming no record', () => {
    const { secret, secretHash } = newActivationSecret();
    expect(parseActivationToken(secret)).toEqual({ recordId: null, secretHash });
  });

  it.each(['', 'too-short', `${MEMBER}.1.short`, `${MEMBER}.-1.${'a'.repeat(43)}`, `${MEMBER}:1.${'a'.repeat(43)}`, `${'a'.repeat(43)}=`, `.1.${'a'.repeat(43)}`])(
    'refuses %j',
    (token) => {
      expect(parseActivationToken(token)).toBeNull();
    },
  );

  it('compares hashes of equal length only', () => {
    const hash = sha256('x');
    expect(sameSecretHash(hash, sha256('x'))).toBe(true);
    expect(sameSecretHash(hash, sha256('y'))).toBe(false);
    expect(sameSecretHash(hash, hash.slice(2))).toBe(false);
  });
});
