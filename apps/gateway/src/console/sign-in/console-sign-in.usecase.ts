import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '@app/contracts';
import { AdminLoginUseCase } from '../../auth/admin-login.usecase';
import type { AccessTokenResponse } from '../../auth/dto/access-token-response.dto';
import { ApiException } from '../../http/api.exception';
import type { ConsoleMessageKey } from '../pages/console-messages';

export type SignInOutcome =
  | { signedIn: true; identity: AdminIdentity; access: AccessTokenResponse }
  | { signedIn: false; status: number; problem: ConsoleMessageKey; email: string };

/** The console's sign-in: the API's own sign-in (same throttle, same lockout), its refusals in words. */
@Injectable()
export class ConsoleSignInUseCase {
  constructor(private readonly login: AdminLoginUseCase) {}

  async execute(fields: { email?: unknown; password?: unknown }): Promise<SignInOutcome> {
    const email = typeof fields.email === 'string' ? fields.email.trim().slice(0, 254) : '';
    const password = typeof fields.password === 'string' ? fields.password : '';
    if (!email || !password || password.length > 1024) return { signedIn: false, status: 422, problem: 'signIn.invalidForm', email };
    try {
      const { identity, access } = await this.login.authenticate({ email, password });
      return { signedIn: true, identity, access };
    } catch (error) {
      const status = error instanceof ApiException ? error.getStatus() : undefined;
      if (status === 429) return { signedIn: false, status, problem: 'signIn.tooManyAttempts', email };
      // A malformed address cannot belong to an admin: said like any other wrong pair.
      if (status === 401 || status === 422) return { signedIn: false, status: 401, problem: 'signIn.invalidCredentials', email };
      throw error;
    }
  }
}

/** Only a console page of this site may be the place to come back to: never another host. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/console\/[^\s\\]*$/.test(next) && !next.startsWith('//') ? next : '/console/members';
}
