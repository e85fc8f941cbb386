import type { SMTPPoolOptions } from 'nodemailer';
import { isLocalSmtpHost } from '../config/smtp-tls-policy';

/**
 * A pool of SMTP connections reused from mail to mail. Timeouts are kept well inside
 * MAIL_CLAIM_LEASE_MS so a hung server fails the try instead of outliving its claim.
 * A plain smtp:// server on this machine (a mail catcher, a test server) is spoken to without
 * STARTTLS, which such servers rarely offer with a valid certificate. One on another machine must
 * offer STARTTLS with a valid certificate, or no mail is sent to it, unless `allowPlaintext`
 * (SMTP_ALLOW_PLAINTEXT): then STARTTLS is used only when the server offers it. smtps:// is TLS
 * from the first byte. Options in the URL's query (e.g. `?ignoreTLS=false`) still win; the
 * environment check refuses those that would weaken TLS to another machine.
 */
export function smtpTransportOptions(smtpUrl: string, allowPlaintext: boolean): SMTPPoolOptions & { pool: true; url: string } {
  const url = new URL(smtpUrl);
  const starttls = url.protocol !== 'smtp:' ? {} : isLocalSmtpHost(url.hostname) ? { ignoreTLS: true } : allowPlaintext ? {} : { requireTLS: true };
  return {
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...starttls,
  };
}
