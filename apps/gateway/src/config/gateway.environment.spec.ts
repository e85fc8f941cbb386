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

describe('GatewayEnvironment', () => {
  it('starts in development with the documented defaults', () => {
    const env = loadEnvironment(GatewayEnvironment, {});
    expect(env.GATEWAY_PORT).toBe(3000);
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('requires JWT_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('JWT_SECRET is required when NODE_ENV=production');
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toContain('JWT_SECRET must be at least 32 characters');
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toBe('');
  });

  it('names a bad AMQP_URL, port and public URL', () => {
    const message = problemsOf({ AMQP_URL: 'rabbit://x', GATEWAY_PORT: '70000', PUBLIC_URL: 'localhost:3000' });
    expect(message).toContain('AMQP_URL must be an amqp:// or amqps:// URL');
    expect(message).toContain('GATEWAY_PORT must be a port number');
    expect(message).toContain('PUBLIC_URL must be an http:// or https:// URL');
  });
});
