import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { eventually } from './test-backends';

export interface CapturedMail {
  /** Envelope recipients, as the server accepted them. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case; the last value when a header repeats. */
  headers: Record<string, string>;
  /** The message as received, headers and body. */
  raw: string;
  receivedAt: Date;
}

export interface SmtpRefusal {
  to: string;
  code: number;
  at: Date;
}

/**
 * A real SMTP server for tests on 127.0.0.1, or on every interface (no TLS, no authentication), keeping each mail it
 * accepts parsed. It can refuse recipients (451 temporary, 550 permanent), and stop then start
 * again on the same port to play an SMTP server that is down for a while.
 */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  readonly refusals: SmtpRefusal[] = [];
  /** Delay before each mail is accepted, to keep a stream of mails in progress. */
  latencyMs = 0;
  private server?: SMTPServer;
  private refusal?: { code: number; message: string };
  private boundPort = 0;

  private constructor(private readonly host: string) {}

  /** `host` '0.0.0.0' listens on every interface, for a test that reaches it by another name than 127.0.0.1. */
  static async start(host = '127.0.0.1'): Promise<SmtpCapture> {
    const capture = new SmtpCapture(host);
    await capture.listen();
    return capture;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** Answers every recipient with `code` (4xx: try later, 5xx: refused for good) until accept(). */
  refuse(code: 451 | 550 | number, message = code >= 500 ? 'Mailbox unavailable' : 'Try again later'): void {
    this.refusal = { code, message };
  }

  accept(): void {
    this.refusal = undefined;
  }

  mailsTo(address: string): CapturedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Resolves with the mails once `count` have arrived, or once one matches the predicate (then only the matching ones). */
  waitFor(expected: number | ((mail: CapturedMail) => boolean), timeoutMs = 10_000): Promise<CapturedMail[]> {
    const what = typeof expected === 'number' ? `${expected} mails` : 'a matching mail';
    return eventually(async () => {
      if (typeof expected === 'number') return this.mails.length >= expected ? [...this.mails] : undefined;
      const matching = this.mails.filter(expected);
      return matching.length > 0 ? matching : undefined;
    }, timeoutMs, what);
  }

  /** Stops listening and drops open connections (a client's pooled ones too), like a server going down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen(this.boundPort);
  }

  private async listen(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Open connections are cut this soon after stop(), instead of 30 s later.
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (!this.refusal) return callback();
        this.refusals.push({ to: address.address.toLowerCase(), code: this.refusal.code, at: new Date() });
        const error: SMTPServerError = Object.assign(new Error(this.refusal.message), { responseCode: this.refusal.code });
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          setTimeout(() => {
            simpleParser(raw).then(
              (parsed) => {
                this.mails.push({
                  to,
                  from,
                  subject: parsed.subject ?? '',
                  text: parsed.text ?? '',
                  html: typeof parsed.html === 'string' ? parsed.html : '',
                  headers: Object.fromEntries(parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()])),
                  raw: raw.toString('utf8'),
                  receivedAt: new Date(),
                });
                callback();
              },
              (error: Error) => callback(error),
            );
          }, this.latencyMs);
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, this.host, () => resolve());
    });
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
}
