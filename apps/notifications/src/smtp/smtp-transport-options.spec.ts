import { smtpTransportOptions } from './smtp-transport-options';

describe('smtpTransportOptions', () => {
  it.each<[string, boolean, 'ignoreTLS' | 'requireTLS' | 'neither']>([
    ['smtp://127.0.0.1:2525', false, 'ignoreTLS'],
    ['smtp://127.0.0.53:2525', false, 'ignoreTLS'],
    ['smtp://localhost:1025', false, 'ignoreTLS'],
    ['smtp://[::1]:1025', false, 'ignoreTLS'],
    ['smtp://mailpit:1025', false, 'requireTLS'],
    ['smtp://user:secret@smtp.example.com:587', false, 'requireTLS'],
    ['smtp://127.0.0.1.example.com:587', false, 'requireTLS'],
    ['smtp://mailpit:1025', true, 'neither'],
    ['smtps://smtp.example.com:465', false, 'neither'],
    ['smtps://127.0.0.1:465', false, 'neither'],
  ])('%s (SMTP_ALLOW_PLAINTEXT=%s) is pooled, with %s', (url, allowPlaintext, starttls) => {
    const options = smtpTransportOptions(url, allowPlaintext);

    expect(options).toMatchObject({ url, pool: true, maxConnections: 5 });
    expect([options.ignoreTLS === true, options.requireTLS === true]).toEqual([starttls === 'ignoreTLS', starttls === 'requireTLS']);
  });

  it('gives up on a silent server well before a claim lease ends', () => {
    const { connectionTimeout, greetingTimeout, socketTimeout } = smtpTransportOptions('smtp://127.0.0.1:1025', false);

    expect((connectionTimeout ?? Infinity) + (greetingTimeout ?? Infinity) + (socketTimeout ?? Infinity)).toBeLessThanOrEqual(60_000);
  });
});
