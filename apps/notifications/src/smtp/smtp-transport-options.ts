import type { SMTPPoolOptions } from 'nodemailer';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A pool of SMTP connections reused from mail to mail. Timeouts are kept well inside
 * MAIL_CLAIM_LEASE_MS so a hung server fails the try instead of outliving its claim.
 * A plain smtp:// server on this machine (a mail catcher, a test server) is spoken to without
 * STARTTLS, which such servers rarely offer with a valid certificate; options in the URL's
 * query (e.g. `?ignoreTLS=false`) still win.
 */
export function smtpTransportOptions(smtpUrl: string): SMTPPoolOptions & { pool: true; url: string } {
  const url = new URL(smtpUrl);
  const local = url.protocol === 'smtp:' && LOOPBACK_HOSTS.has(url.hostname);
  return {
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(local ? { ignoreTLS: true } : {}),
  };
}
