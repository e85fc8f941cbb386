import { smtpTransportOptions } from './smtp-transport-options';

describe('smtpTransportOptions', () => {
  it.each([
    ['smtp://127.0.0.1:2525', true],
    ['smtp://localhost:1025', true],
    ['smtp://[::1]:1025', true],
    ['smtp://mailpit:1025', false],
    ['smtp://user:secret@smtp.example.com:587', false],
    ['smtps://127.0.0.1:465', false],
  ])('%s is pooled, with ignoreTLS %s', (url, ignoreTLS) => {
    const options = smtpTransportOptions(url);

    expect(options).toMatchObject({ url, pool: true, maxConnections: 5 });
    expect(options.ignoreTLS === true).toBe(ignoreTLS);
  });

  it('gives up on a silent server well before a claim lease ends', () => {
    const { connectionTimeout, greetingTimeout, socketTimeout } = smtpTransportOptions('smtp://127.0.0.1:1025');

    expect((connectionTimeout ?? Infinity) + (greetingTimeout ?? Infinity) + (socketTimeout ?? Infinity)).toBeLessThanOrEqual(60_000);
  });
});
