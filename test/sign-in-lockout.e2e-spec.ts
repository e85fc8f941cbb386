import type { Response } from 'supertest';
import request from 'supertest';
import { MembersRpc } from '@app/contracts';
import { ADMIN_PASSWORD, type AddedMembers, type RunningHttpApp, type SignedInAdmin, TestStack } from '@app/testing';
import { PasswordHasher } from '../apps/members/src/credentials/password-hasher';
import { SIGN_IN_WINDOW_MS } from '../apps/members/src/sign-in-attempts/sign-in-lockout';
import { issueActivationToken } from './support/activation-fixtures';
import { rosterApps } from './support/roster-apps';
import { awayFromWindowEnd } from './support/time-windows';

jest.setTimeout(120_000);

const PASSWORD = 'Amber-Quarry-Falcon-64';
const PER_ADDRESS_LIMIT = 20;


function countOf(statuses: number[], status: number): number {
  return statuses.filter((candidate) => candidate === status).length;
}

describe('sign-in lockout per account and per-address limits shared by every gateway', () => {
  const stack = new TestStack('sign_in_lockout', rosterApps);
  let northwind: SignedInAdmin;
  let added: AddedMembers;
  /** Password checks the members service made, counted where it makes them. */
  let checks: { real: jest.SpyInstance; dummy: jest.SpyInstance };
  /** A fresh client address for each request that must not touch the per-address limit. */
  let nextAddress = 0;
  const freshAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  const memberLogin = (login: string, password: string, address = freshAddress(), gateway = stack.gateway.url) =>
    request(gateway).post('/api/v1/auth/member-login').set('X-Forwarded-For', address).send({ login, password });
  const adminLogin = (email: string, password: string, address = freshAddress()) =>
    stack.http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });
  const attemptsOf = async (accountKey: string) =>
    (await stack.db().collection<{ _id: string }>('sign_in_attempts').find({}).toArray()).filter((attempt) => attempt._id.startsWith(`${accountKey}:`));

  async function activate(email: string): Promise<void> {
    const token = await issueActivationToken(stack, added.of(email));
    await stack.membersRpc().send(MembersRpc.Activate, { token, password: PASSWORD });
  }

  beforeAll(async () => {
    // Up to 20 password checks at once, each a 128 MiB scrypt: slow on a busy 2-core machine, and
    // this file is about how many are made, not how fast.
    await stack.start({ gateway: { RPC_TIMEOUT_MS: '60000' } });
    northwind = await stack.signInNewAdmin('Northwind', 'admin@northwind.example');
    added = await stack.addMembers(northwind, ['jane.doe@northwind.example', 'sam.lee@northwind.example', 'waiting@northwind.example']);
    await activate('jane.doe@northwind.example');
    await activate('sam.lee@northwind.example');
    const hasher = stack.members!.app.get(PasswordHasher);
    checks = { real: jest.spyOn(hasher, 'verify'), dummy: jest.spyOn(hasher, 'verifyAgainstDummy') };
  });

  beforeEach(() => {
    checks.real.mockClear();
    checks.dummy.mockClear();
  });

  afterAll(() => stack.stop());

  it('checks at most 10 of 30 simultaneous wrong passwords for one member, typed as account name or email; the others get 429, then so does the right password', async () => {
    await awayFromWindowEnd(SIGN_IN_WINDOW_MS, 60_000);
    const jane = added.of('jane.doe@northwind.example');
    const logins = [jane.accountName, jane.email, 'Jane.Doe@Northwind.example', ` ${jane.accountName.toUpperCase()} `];

    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => memberLogin(logins[index % logins.length], `Wrong-Password-${index}`)));

    const statuses = answers.map((answer) => answer.status);
    expect(countOf(statuses, 401)).toBe(10);
    expect(countOf(statuses, 429)).toBe(20);
    expect(checks.real).toHaveBeenCalledTimes(10);
    expect(checks.dummy).not.toHaveBeenCalled();
    expect(await attemptsOf(`member:${jane.memberId}`)).toHaveLength(10);
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expect(refused.body).toEqual({ statusCode: 429, code: 'too_many_attempts', message: 'Too many failed sign-ins for this account; try again in 15 minutes.' });
    }

    const locked = await memberLogin(jane.email, PASSWORD).expect(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(checks.real).toHaveBeenCalledTimes(10);
    // Another member is not affected.
    await memberLogin(added.of('sam.lee@northwind.example').accountName, PASSWORD).expect(200);
  });

  it('checks at most 10 of 30 simultaneous wrong passwords for one admin; the others get 429', async () => {
    await awayFromWindowEnd(SIGN_IN_WINDOW_MS, 60_000);
    await stack.signInNewAdmin('Tailspin', 'admin@tailspin.example');
    checks.real.mockClear();

    const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => adminLogin(index % 2 ? 'admin@tailspin.example' : 'ADMIN@Tailspin.example', `Wrong-Password-${index}`)));

    const statuses = answers.map((answer) => answer.status);
    expect(countOf(statuses, 401)).toBe(10);
    expect(countOf(statuses, 429)).toBe(20);
    expect(checks.real).toHaveBeenCalledTimes(10);
    await adminLogin('admin@tailspin.example', ADMIN_PASSWORD).expect(429);
    await adminLogin(northwind.email, ADMIN_PASSWORD).expect(200);
  });

  it('locks an unknown login and a pending account exactly as a real one, so a 429 tells nothing', async () => {
    await awayFromWindowEnd(SIGN_IN_WINDOW_MS, 60_000);
    const sequence = async (login: string): Promise<Response[]> => {
      const answers: Response[] = [];
      for (let attempt = 0; attempt < 11; attempt += 1) answers.push(await memberLogin(login, PASSWORD));
      return answers;
    };

    const [unknown, pending] = await Promise.all([sequence('nobody@northwind.example'), sequence(added.of('waiting@northwind.example').accountName)]);

    for (const answers of [unknown, pending]) expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(401), 429]);
    expect(pending.map((answer) => answer.body)).toEqual(unknown.map((answer) => answer.body));
    expect(checks.dummy).toHaveBeenCalledTimes(20);
    expect(checks.real).not.toHaveBeenCalled();
  });

  it('does not count successful sign-ins', async () => {
    const sam = added.of('sam.lee@northwind.example');
    for (let attempt = 0; attempt < 12; attempt += 1) await memberLogin(attempt % 2 ? sam.email : sam.accountName, PASSWORD).expect(200);
    expect(await attemptsOf(`member:${sam.memberId}`)).toHaveLength(0);
  });

  describe('with a second gateway on the same database', () => {
    let second: RunningHttpApp;

    beforeAll(async () => {
      second = await rosterApps.startGateway({ ...stack.sharedEnvironment, GATEWAY_PORT: '0', RPC_TIMEOUT_MS: '60000' });
    });

    afterAll(() => second?.close());

    // The limit is checked before the body: requests with an empty login are counted, then refused
    // with 422 without a password check, so a minute holds them all however busy the machine is.
    it('counts one address across both gateways: the 21st sign-in request in a minute answers 429, wherever it lands', async () => {
      await awayFromWindowEnd(60_000, 20_000);
      const address = '203.0.113.21';
      const statuses: number[] = [];
      for (let index = 0; index <= PER_ADDRESS_LIMIT; index += 1) {
        const gateway = index % 2 ? second.url : stack.gateway.url;
        statuses.push((await memberLogin('', PASSWORD, address, gateway)).status);
      }

      expect(statuses).toEqual([...Array(PER_ADDRESS_LIMIT).fill(422), 429]);
      for (const gateway of [stack.gateway.url, second.url]) {
        const refused = await memberLogin('nobody.more@northwind.example', PASSWORD, address, gateway).expect(429);
        expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_attempts' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Another address is not affected.
      await memberLogin('nobody.else@northwind.example', PASSWORD, '203.0.113.22', second.url).expect(401);
    });

    it('lets at most 20 of 30 simultaneous requests from one address through, split over both gateways', async () => {
      await awayFromWindowEnd(60_000, 20_000);
      const address = '203.0.113.30';

      const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => memberLogin('', PASSWORD, address, index % 2 ? second.url : stack.gateway.url)));

      const statuses = answers.map((answer) => answer.status);
      expect(countOf(statuses, 422) + countOf(statuses, 429)).toBe(30);
      expect(countOf(statuses, 422)).toBeGreaterThan(0);
      expect(countOf(statuses, 422)).toBeLessThanOrEqual(PER_ADDRESS_LIMIT);
    });
  });
});
