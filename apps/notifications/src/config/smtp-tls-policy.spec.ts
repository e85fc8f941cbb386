import { isLocalSmtpHost, smtpTlsProblem } from './smtp-tls-policy';

describe('isLocalSmtpHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['mailpit', false],
    ['smtp.example.com', false],
    ['127.0.0.1.example.com', false],
    ['localhost.example.com', false],
    ['10.0.0.5', false],
  ])('%s: %s', (host, local) => {
    expect(isLocalSmtpHost(host)).toBe(local);
  });
});

describe('smtpTlsProblem', () => {
  it.each([
    ['smtp://smtp.example.com:587', false],
    ['smtps://smtp.example.com:465', false],
    ['smtp://smtp.example.com:587?requireTLS=true&tls.rejectUnauthorized=true', false],
    ['smtp://127.0.0.1:1025?ignoreTLS=true', false],
    ['smtp://localhost:1025?tls.rejectUnauthorized=false', false],
  ])('accepts %s', (url) => {
    expect(smtpTlsProblem(url, false)).toBeUndefined();
  });

  it.each([
    ['smtp://smtp.example.com:587?ignoreTLS=true', 'ignoreTLS=true'],
    ['smtp://smtp.example.com:587?requireTLS=false', 'requireTLS=false'],
    ['smtp://smtp.example.com:587?requireTLS=0', 'requireTLS=0'],
    ['smtps://smtp.example.com:465?tls.rejectUnauthorized=false', 'tls.rejectUnauthorized=false'],
  ])('refuses %s, which weakens TLS to another machine, naming %s', (url, option) => {
    const problem = smtpTlsProblem(url, false);

    expect(problem).toContain(option);
    expect(problem).toContain('SMTP_ALLOW_PLAINTEXT=true');
  });

  it('lets SMTP_ALLOW_PLAINTEXT=true allow them', () => {
    expect(smtpTlsProblem('smtp://smtp.example.com:587?ignoreTLS=true', true)).toBeUndefined();
  });
});
