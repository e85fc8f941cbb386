import { PermanentFailure } from '../delivery-failures/delivery-failures';

interface SmtpError {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  /** Set by nodemailer from the reply class: 5xx except 503 (bad sequence, fine on a new connection). */
  permanent?: unknown;
}

/**
 * What a failed send means: the server's own 5xx refusal is final and is parked with its reply;
 * a 4xx reply, a refused or dropped connection or a timeout is worth another try later.
 * No TLS where it is required (STARTTLS refused, a certificate that does not verify) is a setting
 * to fix, on the server or in SMTP_ALLOW_PLAINTEXT: tried again, so mail flows once it is fixed.
 * The reason holds the server's reply line, never the mail.
 */
export function smtpFailure(error: unknown): Error {
  const { message, code, responseCode, response, permanent } = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  if (code === 'ETLS') {
    const detail = typeof response === 'string' && response.trim() ? response.trim() : String(message ?? error);
    return new Error(`SMTP server offers no usable TLS (${detail}); mail to a server on another machine needs TLS unless SMTP_ALLOW_PLAINTEXT=true`);
  }
  if (typeof responseCode === 'number') {
    const reply = typeof response === 'string' && response.trim() ? response.trim() : String(message ?? responseCode);
    const reason = `SMTP server answered ${reply}`;
    const final = typeof permanent === 'boolean' ? permanent : responseCode >= 500 && responseCode !== 503;
    return final ? new PermanentFailure(reason) : new Error(reason);
  }
  const name = typeof code === 'string' ? `${code}: ` : '';
  return new Error(`SMTP server unavailable (${name}${String(message ?? error)})`);
}
