import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { LoginFailuresRepository } from './persistence/login-failures.repository';

const LOGIN_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_WINDOW = 10;

/**
 * Slows password guessing against one account whatever the caller's address: after too many
 * failures in the current window, sign-in for that account answers 429 until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly failures: LoginFailuresRepository) {}

  async assertAllowed(key: string): Promise<void> {
    const count = await this.failures.countInWindow(key, this.window());
    if (count >= MAX_FAILURES_PER_WINDOW) {
      throw new ApiException(429, ErrorCode.TooManyAttempts, 'Too many failed sign-ins for this account; try again in 15 minutes.');
    }
  }

  async recordFailure(key: string): Promise<void> {
    const window = this.window();
    await this.failures.record(key, window);
    // Old windows are never read again.
    await this.failures.deleteBefore(key, window);
  }

  private window(): number {
    return Math.floor(Date.now() / LOGIN_WINDOW_MS);
  }
}
