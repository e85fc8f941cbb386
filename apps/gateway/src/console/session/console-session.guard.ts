import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { type ConsoleSession, ConsoleSessions } from './console-session';

/** Thrown by the guard; the console's exception filter turns it into a redirect to the sign-in page. */
export class SignInRequired extends Error {
  constructor(
    /** Where to come back to after signing in. */
    readonly next: string,
    /** The request had a session that has ended, rather than none. */
    readonly expired: boolean,
  ) {
    super('sign in required');
  }
}

/** Thrown on a form post whose CSRF token is missing or wrong. */
export class StaleForm extends Error {
  constructor() {
    super('stale form');
  }
}

interface ConsoleRequest extends Request {
  consoleSession?: ConsoleSession;
}

/** No console page answers without a session; a GET comes back to where it was after signing in. */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(private readonly sessions: ConsoleSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const session = await this.sessions.current(request);
    if (!session) throw new SignInRequired(request.method === 'GET' ? request.originalUrl : '/console/members', this.sessions.hadSession(request));
    request.consoleSession = session;
    return true;
  }
}

export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): ConsoleSession => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) throw new Error('CurrentSession used on a route without ConsoleSessionGuard');
  return session;
});
