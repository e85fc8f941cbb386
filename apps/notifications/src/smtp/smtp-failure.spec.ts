import { PermanentFailure } from '../delivery-failures/delivery-failures';
import { smtpFailure } from './smtp-failure';

describe('smtpFailure', () => {
  it.each([
    [
      'a refused recipient',
      { code: 'EENVELOPE', responseCode: 550, permanent: true, response: '550 5.1.1 No such user', message: "Can't send mail" },
      true,
      'SMTP server answered 550 5.1.1 No such user',
    ],
    ['a greylisting reply', { code: 'EENVELOPE', responseCode: 451, permanent: false, response: '451 4.7.1 Try again later' }, false, 'SMTP server answered 451 4.7.1 Try again later'],
    ['a server shutting down', { code: 'EPROTOCOL', responseCode: 421, response: '421 Server shutting down' }, false, 'SMTP server answered 421 Server shutting down'],
    ['a bad command sequence, fine on a new connection', { responseCode: 503, response: '503 Bad sequence' }, false, 'SMTP server answered 503 Bad sequence'],
    ['a 5xx without the permanent flag', { responseCode: 554, response: '554 Transaction failed' }, true, 'SMTP server answered 554 Transaction failed'],
    ['a reply without its text', { responseCode: 552, message: 'Message too large' }, true, 'SMTP server answered Message too large'],
    ['a refused connection', { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }, false, 'SMTP server unavailable (ESOCKET: connect ECONNREFUSED 127.0.0.1:2525)'],
    ['a timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, false, 'SMTP server unavailable (ETIMEDOUT: Greeting never received)'],
    ['something that is not an error', 'boom', false, 'SMTP server unavailable (boom)'],
    [
      'STARTTLS refused where TLS is required',
      { code: 'ETLS', command: 'STARTTLS', responseCode: 500, response: '500 Error: command not recognized', message: 'Error upgrading connection with STARTTLS' },
      false,
      'SMTP server offers no usable TLS (500 Error: command not recognized); mail to a server on another machine needs TLS unless SMTP_ALLOW_PLAINTEXT=true',
    ],
    [
      'a certificate that does not verify',
      { code: 'ETLS', message: 'self-signed certificate' },
      false,
      'SMTP server offers no usable TLS (self-signed certificate); mail to a server on another machine needs TLS unless SMTP_ALLOW_PLAINTEXT=true',
    ],
  ])('%s', (_, error, permanent, reason) => {
    const failure = smtpFailure(error);

    expect(failure instanceof PermanentFailure).toBe(permanent);
    expect(failure.message).toBe(reason);
  });
});
