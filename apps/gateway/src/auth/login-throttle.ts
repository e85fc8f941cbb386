import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@app/contracts';
import { ApiException } from '../http/api.exception';
import { LoginFailure } from './persistence/login-failure.schema';

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_WINDOW = 10;

/**
 * Slows password guessing against one account whatever the caller's address: after too many
 * failures in the current window, sign-in for that account answers 429 until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectModel(LoginFailure.name) private readonly failures: Model<LoginFailure>) {}

  async assertAllowed(key: string): Promise<void> {
    const count = await this.failures.countDocuments({ key, window: this.window() });
    if (count >= MAX_FAILURES_PER_WINDOW) {
      throw new ApiException(429, ErrorCode.TooManyAttempts, 'Too many failed sign-ins for this account; try again in 15 minutes.');
    }
  }

  async recordFailure(key: string): Promise<void> {
    const window = this.window();
    await this.failures.create({ _id: randomUUID(), key, window, at: new Date() });
    // Old windows are never read again.
    await this.failures.deleteMany({ key, window: { $lt: window } });
  }

  private window(): number {
    return Math.floor(Date.now() / LOGIN_WINDOW_MS);
  }
}
