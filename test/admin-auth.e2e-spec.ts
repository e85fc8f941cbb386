import { JwtService } from '@nestjs/jwt';
import { ADMIN_PASSWORD, TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(60_000);

describe('admin sign-in', () => {
  const stack = new TestStack('admin_auth', rosterApps);

  beforeAll(async () => {
    await stack.start();
    await stack.signInNewAdmin('Northwind', 'admin@northwind.example');
  });

  afterAll(() => stack.stop());

  it('gives a bearer token for the right password', async () => {
    const response = await stack.http().post('/api/v1/auth/login').send({ email: 'ADMIN@northwind.example', password: ADMIN_PASSWORD }).expect(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });
    await stack.http().get('/api/v1/members').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
  });

  it('keeps the token out of caches, and accepts only tokens this gateway issued for its API', async () => {
    const response = await stack.http().post('/api/v1/auth/login').send({ email: 'admin@northwind.example', password: ADMIN_PASSWORD }).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const jwt = new JwtService();
    const claims = jwt.decode<Record<string, unknown>>(response.body.accessToken);
    expect(claims).toMatchObject({ iss: 'http://localhost:3000', aud: 'roster-api', typ: 'admin' });

    // The same claims and the same secret, for another audience or from another issuer.
    const { sub, org, typ } = claims;
    const secret = stack.sharedEnvironment.JWT_SECRET;
    for (const elsewhere of [{ issuer: 'http://localhost:3000', audience: 'another-api' }, { issuer: 'https://other.example', audience: 'roster-api' }]) {
      const token = await jwt.signAsync({ sub, org, typ }, { secret, expiresIn: 600, ...elsewhere });
      await stack.http().get('/api/v1/members').set('Authorization', `Bearer ${token}`).expect(401);
    }
    const same = await jwt.signAsync({ sub, org, typ }, { secret, expiresIn: 600, issuer: 'http://localhost:3000', audience: 'roster-api' });
    await stack.http().get('/api/v1/members').set('Authorization', `Bearer ${same}`).expect(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await stack.http().post('/api/v1/auth/login').send({ email: 'admin@northwind.example', password: 'Not-The-Password-1' }).expect(401);
    const unknown = await stack.http().post('/api/v1/auth/login').send({ email: 'nobody@northwind.example', password: 'Not-The-Password-1' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'The email or password is wrong.' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('lists every invalid field of a malformed request', async () => {
    const response = await stack.http().post('/api/v1/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(422);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('throttles repeated failures on one account, even with the right password afterwards', async () => {
    await stack.signInNewAdmin('Tailspin', 'admin@tailspin.example');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await stack.http().post('/api/v1/auth/login').send({ email: 'admin@tailspin.example', password: `Wrong-Password-${attempt}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const blocked = await stack.http().post('/api/v1/auth/login').send({ email: 'admin@tailspin.example', password: ADMIN_PASSWORD }).expect(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    await stack.http().post('/api/v1/auth/login').send({ email: 'admin@northwind.example', password: ADMIN_PASSWORD }).expect(200);
  });
});
