/**
 * Mail to an SMTP server on another machine crosses a network: it goes over TLS (smtps://, or
 * STARTTLS required on smtp://) with the server's certificate verified, unless the operator says
 * otherwise with SMTP_ALLOW_PLAINTEXT=true. A server on this machine (a mail catcher, a test
 * server) is spoken to as it is.
 */
export function isLocalSmtpHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Options in SMTP_URL's query that nodemailer applies over ours, with the one value that keeps TLS strict. */
const STRICT_VALUES: Record<string, string> = {
  requireTLS: 'true',
  ignoreTLS: 'false',
  'tls.rejectUnauthorized': 'true',
};

/** Why SMTP_URL would send mail unprotected to another machine without SMTP_ALLOW_PLAINTEXT, or undefined if it does not. */
export function smtpTlsProblem(smtpUrl: string, allowPlaintext: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return undefined; // a malformed URL is reported by its own check
  }
  if (allowPlaintext || isLocalSmtpHost(url.hostname)) return undefined;
  for (const [key, value] of url.searchParams) {
    if (key in STRICT_VALUES && value !== STRICT_VALUES[key]) {
      return `SMTP_URL weakens TLS (${key}=${value}) for ${url.hostname}, a server that is not on this machine: remove it, or set SMTP_ALLOW_PLAINTEXT=true to allow mail without TLS`;
    }
  }
  return undefined;
}
