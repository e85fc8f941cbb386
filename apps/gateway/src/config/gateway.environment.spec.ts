import { randomBytes } from 'node:crypto';
import { InvalidConfigurationError, loadEnvironment } from '@app/config';
import { GatewayEnvironment } from './gateway.environment';

function problemsOf(env: Record<string, string>): string {
  try {
    loadEnvironment(GatewayEnvironment, env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.message;
    throw error;
  }
  return '';
}

/** As `openssl rand -base64 48` makes them; made here, so that no usable secret is written in the repository. */
const RANDOM_SECRET = randomBytes(48).toString('base64');

describe('GatewayEnvironment', () => {
  it('starts with the documented defaults and a random secret', () => {
    const env = loadEnvironment(GatewayEnvironment, { JWT_SECRET: RANDOM_SECRET });
    expect(env.GATEWAY_PORT).toBe(3000);
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.JWT_SECRET).toBe(RANDOM_SECRET);
  });

  it.each(['development', 'production', 'test'])('requires JWT_SECRET when NODE_ENV=%s', (NODE_ENV) => {
    expect(problemsOf({ NODE_ENV })).toContain('JWT_SECRET is required');
  });

  it.each([
    ['too short', 'q8Zr2LmX0vTn4Ks', 'at least 32 characters'],
    ['the secret compose once defaulted to', 'change-me-to-a-long-random-secret-of-32-chars-or-more', 'published with Roster'],
    ['the old development default', 'roster-development-secret-do-not-use-in-production', 'published with Roster'],
    ['one character repeated', 'x'.repeat(40), 'made by hand or repeated'],
    ['a placeholder', 'my-company-jwt-secret-for-production-2026', 'made by hand or repeated'],
    ['a few characters repeated', 'abcdabcdabcdabcdabcdabcdabcdabcdabcd', 'made by hand or repeated'],
  ])('refuses a secret that is %s, in production too', (_case, JWT_SECRET, reason) => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET })).toContain(reason);
  });

  it('serves the API documentation unless DOCS_ENABLED=false, and names a value that is neither', () => {
    expect(loadEnvironment(GatewayEnvironment, { JWT_SECRET: RANDOM_SECRET }).DOCS_ENABLED).toBe(true);
    expect(loadEnvironment(GatewayEnvironment, { JWT_SECRET: RANDOM_SECRET, DOCS_ENABLED: 'false' }).DOCS_ENABLED).toBe(false);
    expect(problemsOf({ JWT_SECRET: RANDOM_SECRET, DOCS_ENABLED: 'no' })).toContain('DOCS_ENABLED must be true or false');
  });

  it('limits uploads to 1,000,000 rows and 10 a minute per admin by default, and names a bad limit', () => {
    const env = loadEnvironment(GatewayEnvironment, { JWT_SECRET: RANDOM_SECRET });
    expect([env.IMPORT_MAX_ROWS, env.IMPORT_UPLOADS_PER_MINUTE]).toEqual([1_000_000, 10]);
    const message = problemsOf({ JWT_SECRET: RANDOM_SECRET, IMPORT_MAX_ROWS: '0', IMPORT_UPLOADS_PER_MINUTE: 'many' });
    expect(message).toContain('IMPORT_MAX_ROWS must be at least 1');
    expect(message).toContain('IMPORT_UPLOADS_PER_MINUTE must be a whole number');
  });

  it('names a bad AMQP_URL, port and public URL', () => {
    const message = problemsOf({ AMQP_URL: 'rabbit://x', GATEWAY_PORT: '70000', PUBLIC_URL: 'localhost:3000' });
    expect(message).toContain('AMQP_URL must be an amqp:// or amqps:// URL');
    expect(message).toContain('GATEWAY_PORT must be a port number');
    expect(message).toContain('PUBLIC_URL must be an http:// or https:// URL');
  });
});
