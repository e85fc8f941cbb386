import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { driverCollection, insertedOnce } from '@app/persistence';
import { SignInAttempt } from './sign-in-attempt.schema';

@Injectable()
export class SignInAttemptsRepository {
  constructor(@InjectModel(SignInAttempt.name) private readonly attempts: Model<SignInAttempt>) {}

  private get collection(): Collection<SignInAttempt> {
    return driverCollection(this.attempts);
  }

  /** True for exactly one caller per slot. */
  take(id: string, window: number): Promise<boolean> {
    return insertedOnce(this.collection.insertOne({ _id: id, window, at: new Date() }));
  }

  async giveBack(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }

  async deleteWindowsBefore(window: number): Promise<void> {
    await this.collection.deleteMany({ window: { $lt: window } });
  }
}
