import { ErrorCode } from '@app/contracts';
import type { SignInAttemptsRepository } from './persistence/sign-in-attempts.repository';
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MS, SignInLockout, signInAccountKey } from './sign-in-lockout';

/** Slots as a unique index keeps them: a second insert of an id loses, whatever the interleaving. */
class SlotsInMemory {
  readonly taken = new Map<string, number>();

  async take(id: string, window: number): Promise<boolean> {
    await Promise.resolve();
    if (this.taken.has(id)) return false;
    this.taken.set(id, window);
    return true;
  }

  async giveBack(id: string): Promise<void> {
    this.taken.delete(id);
  }

  async deleteWindowsBefore(window: number): Promise<void> {
    for (const [id, taken] of this.taken) if (taken < window) this.taken.delete(id);
  }
}

function lockoutWith(slots: SlotsInMemory): SignInLockout {
  return new SignInLockout(slots as unknown as SignInAttemptsRepository);
}

async function outcomes(promises: Promise<unknown>[]): Promise<{ reserved: number; refused: unknown[] }> {
  const settled = await Promise.allSettled(promises);
  return {
    reserved: settled.filter((result) => result.status === 'fulfilled').length,
    refused: settled.filter((result): result is PromiseRejectedResult => result.status === 'rejected').map((result) => result.reason),
  };
}

describe('SignInLockout', () => {
  afterEach(() => jest.useRealTimers());

  it('lets 10 of 30 simultaneous attempts on one account check a password, and refuses the others with too_many_attempts', async () => {
    const slots = new SlotsInMemory();
    const lockout = lockoutWith(slots);

    const { reserved, refused } = await outcomes(Array.from({ length: 30 }, () => lockout.reserve('member:m1')));

    expect(reserved).toBe(MAX_FAILED_SIGN_INS);
    expect(refused).toHaveLength(20);
    expect(refused.every((error) => (error as { code?: string }).code === ErrorCode.TooManyAttempts)).toBe(true);
    expect(slots.taken.size).toBe(MAX_FAILED_SIGN_INS);
  });

  it('counts each account apart', async () => {
    const lockout = lockoutWith(new SlotsInMemory());
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) await lockout.reserve('member:m1');
    await expect(lockout.reserve('member:m1')).rejects.toMatchObject({ code: ErrorCode.TooManyAttempts });
    await expect(lockout.reserve('member:m2')).resolves.toEqual({ id: expect.stringMatching(/^member:m2:\d+:0$/) });
  });

  it('gives a successful check its slot back, so only failures count', async () => {
    const lockout = lockoutWith(new SlotsInMemory());
    for (let attempt = 0; attempt < 25; attempt += 1) await lockout.release(await lockout.reserve('admin:a1'));
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) await lockout.reserve('admin:a1');
    await expect(lockout.reserve('admin:a1')).rejects.toMatchObject({ code: ErrorCode.TooManyAttempts });
  });

  it('opens again in the next window and deletes the earlier windows', async () => {
    jest.useFakeTimers({ now: 10 * SIGN_IN_WINDOW_MS, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const slots = new SlotsInMemory();
    const lockout = lockoutWith(slots);
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) await lockout.reserve('member:m1');
    await expect(lockout.reserve('member:m1')).rejects.toMatchObject({ code: ErrorCode.TooManyAttempts });

    jest.setSystemTime(11 * SIGN_IN_WINDOW_MS);
    await expect(lockout.reserve('member:m1')).resolves.toEqual({ id: 'member:m1:11:0' });
    expect([...slots.taken.keys()]).toEqual(['member:m1:11:0']);
  });

  it.each([
    ['member', 'id-1', 'jane@contoso.example', 'member:id-1'],
    ['admin', 'id-2', 'admin@contoso.example', 'admin:id-2'],
  ] as const)('keys a known %s account by its id, whatever was typed', (kind, id, login, key) => {
    expect(signInAccountKey(kind, id, login)).toBe(key);
  });

  it('keys an unknown login by its hash, never by the typed text', () => {
    const key = signInAccountKey('member', null, 'nobody@contoso.example');
    expect(key).toMatch(/^member-login:[0-9a-f]{64}$/);
    expect(key).toBe(signInAccountKey('member', null, 'nobody@contoso.example'));
    expect(key).not.toContain('nobody');
    expect(signInAccountKey('admin', null, 'nobody@contoso.example')).not.toBe(key);
  });
});
