import { InvalidConfigurationError, loadEnvironment } from '@app/config';
import { NotificationsEnvironment } from './notifications.environment';

function problemWith(values: Record<string, string>): string {
  try {
    loadEnvironment(NotificationsEnvironment, values);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('NotificationsEnvironment', () => {
  it('takes the documented defaults', () => {
    const env = loadEnvironment(NotificationsEnvironment, {});

    expect(env.MAIL_RETRY_DELAYS_MS).toEqual([15_000, 60_000, 300_000]);
    expect(env.MAIL_CLAIM_LEASE_MS).toBe(120_000);
    expect(env.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(env.SMTP_ALLOW_PLAINTEXT).toBe(false);
  });

  it.each([
    [{ SMTP_URL: 'smtp://smtp.example.com:587' }, false],
    [{ SMTP_URL: 'smtp://mailpit:1025', SMTP_ALLOW_PLAINTEXT: 'true' }, true],
    [{ SMTP_URL: 'smtp://smtp.example.com:587?ignoreTLS=true', SMTP_ALLOW_PLAINTEXT: 'true' }, true],
  ])('accepts %j', (values, allowPlaintext) => {
    expect(loadEnvironment(NotificationsEnvironment, values).SMTP_ALLOW_PLAINTEXT).toBe(allowPlaintext);
  });

  it.each([
    ['300,600,900', [300, 600, 900]],
    [' 1000 , 2000 ', [1000, 2000]],
    ['86400000', [86_400_000]],
  ])('reads MAIL_RETRY_DELAYS_MS=%j as %j', (value, expected) => {
    expect(loadEnvironment(NotificationsEnvironment, { MAIL_RETRY_DELAYS_MS: value }).MAIL_RETRY_DELAYS_MS).toEqual(expected);
  });

  it.each([
    [{ MAIL_RETRY_DELAYS_MS: '15s,60s' }, 'MAIL_RETRY_DELAYS_MS must be comma-separated whole numbers'],
    [{ MAIL_RETRY_DELAYS_MS: '1000,,2000' }, 'MAIL_RETRY_DELAYS_MS must be comma-separated whole numbers'],
    [{ MAIL_RETRY_DELAYS_MS: '-5' }, 'MAIL_RETRY_DELAYS_MS must be comma-separated whole numbers'],
    [{ MAIL_RETRY_DELAYS_MS: '50' }, 'MAIL_RETRY_DELAYS_MS delays must be at least 100 ms'],
    [{ MAIL_RETRY_DELAYS_MS: '1,2,3,4,5,6,7,8,9,10,11' }, 'MAIL_RETRY_DELAYS_MS must list at most 10 delays'],
    [{ MAIL_CLAIM_LEASE_MS: '500' }, 'MAIL_CLAIM_LEASE_MS must be at least 1000'],
    [{ MAIL_CLAIM_LEASE_MS: 'long' }, 'MAIL_CLAIM_LEASE_MS must be a whole number'],
    [{ SMTP_URL: 'http://mail.example' }, 'SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ SMTP_ALLOW_PLAINTEXT: 'yes' }, 'SMTP_ALLOW_PLAINTEXT must be true or false'],
    [{ SMTP_URL: 'smtp://smtp.example.com:587?ignoreTLS=true' }, 'SMTP_URL weakens TLS (ignoreTLS=true) for smtp.example.com'],
    [{ SMTP_URL: 'smtps://smtp.example.com:465?tls.rejectUnauthorized=false', SMTP_ALLOW_PLAINTEXT: 'false' }, 'set SMTP_ALLOW_PLAINTEXT=true'],
  ])('refuses %j naming the variable', (values, expected) => {
    expect(problemWith(values)).toContain(expected);
  });
});
