import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { RequestContext } from './request-context';

const SEVERITY: Record<NestLogLevel, number> = { fatal: 0, error: 1, warn: 2, log: 3, debug: 4, verbose: 5 };

type Sink = (line: string) => void;

/**
 * Nest logger writing one JSON object a line: time, level, service, context, message,
 * the current request or batch id, and any structured fields passed as an object.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly threshold: NestLogLevel = 'log',
    private readonly sink: Sink = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: NestLogLevel, message: unknown, rest: unknown[]): void {
    if (SEVERITY[level] > SEVERITY[this.threshold]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, service: this.service };
    // Nest passes the context name last; an error's stack comes before it.
    const args = [...rest];
    if (typeof args[args.length - 1] === 'string') entry.context = args.pop();
    if (message instanceof Error) {
      entry.message = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.message = String(message);
    }
    for (const extra of args) {
      if (typeof extra === 'string') entry.stack = extra;
      else if (extra instanceof Error) entry.stack = extra.stack;
      else if (typeof extra === 'object' && extra !== null) Object.assign(entry, extra);
    }
    // The client's address is for the audit log, not for every log line.
    const { sourceAddress: _address, ...context } = RequestContext.current();
    Object.assign(entry, context);
    this.sink(`${JSON.stringify(entry)}\n`);
  }
}
