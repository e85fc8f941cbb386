import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { LoginFailure } from './login-failure.schema';

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectModel(LoginFailure.name) private readonly failures: Model<LoginFailure>) {}

  countInWindow(key: string, window: number): Promise<number> {
    return this.failures.countDocuments({ key, window }).exec();
  }

  async record(key: string, window: number): Promise<void> {
    await this.failures.create({ _id: randomUUID(), key, window, at: new Date() });
  }

  async deleteBefore(key: string, window: number): Promise<void> {
    await this.failures.deleteMany({ key, window: { $lt: window } });
  }
}
