import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MembersEnvironment } from '../config/members.environment';
import { MigrationQueue } from './migration-queue';
import { CompletedMigrationsRepository } from './persistence/completed-migrations.repository';
import { RunOnceMigration } from './run-once-migration';

/** What happened, in order: the migration's steps and the records it left. */
const happened: string[] = [];

@Injectable()
class Greeting {
  readonly word = 'hello';
}

@Injectable()
class GreetEveryone extends RunOnceMigration {
  protected readonly migration = 'greet-everyone';
  protected readonly failure = 'greeting everyone failed';
  failWith: Error | null = null;

  constructor(private readonly greeting: Greeting) {
    super();
  }

  protected async migrate(): Promise<void> {
    if (this.failWith) throw this.failWith;
    happened.push(`migrate: ${this.greeting.word}`);
  }

  protected override async afterCompleted(): Promise<void> {
    happened.push('after completed');
  }
}

/** completed_migrations, in memory. */
class CompletedInMemory {
  readonly names = new Set<string>();
  async isCompleted(name: string): Promise<boolean> {
    return this.names.has(name);
  }
  async markCompleted(name: string): Promise<void> {
    happened.push(`completed ${name}`);
    this.names.add(name);
  }
}

async function migrationOf(role: MembersEnvironment['MEMBERS_ROLE']): Promise<{ migration: GreetEveryone; completed: CompletedInMemory }> {
  const completed = new CompletedInMemory();
  const module = await Test.createTestingModule({
    providers: [
      GreetEveryone,
      Greeting,
      { provide: MembersEnvironment, useValue: Object.assign(new MembersEnvironment(), { MEMBERS_ROLE: role }) },
      { provide: CompletedMigrationsRepository, useValue: completed },
      MigrationQueue,
    ],
  }).compile();
  return { migration: module.get(GreetEveryone), completed };
}

describe('RunOnceMigration', () => {
  beforeEach(() => {
    happened.length = 0;
  });

  it('migrates, is marked completed, then does what waits for that; never again', async () => {
    const { migration } = await migrationOf('api');
    await migration.run();
    await migration.run();
    expect(happened).toEqual(['migrate: hello', 'completed greet-everyone', 'after completed']);
  });

  it('is not marked completed when it fails, so the next start runs it again', async () => {
    const { migration, completed } = await migrationOf('all');
    migration.failWith = new Error('connection lost');
    await expect(migration.run()).rejects.toThrow('connection lost');
    expect(completed.names.size).toBe(0);
    migration.failWith = null;
    await migration.run();
    expect(completed.names).toEqual(new Set(['greet-everyone']));
  });

  it('starts in the background on a service that answers the gateway, and logs a failure with what failed', async () => {
    const { migration } = await migrationOf('api');
    migration.failWith = new Error('connection lost');
    const logged = jest.spyOn(migration['logger'], 'error').mockImplementation(() => undefined);
    migration.onApplicationBootstrap();
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged).toHaveBeenCalledWith({ msg: 'greeting everyone failed; it runs again at the next start', error: 'connection lost' });
    expect(migration['logger']['context']).toBe('GreetEveryone');
  });

  it('leaves it to that service on a worker', async () => {
    const { migration } = await migrationOf('worker');
    migration.onApplicationBootstrap();
    await new Promise((resolve) => setImmediate(resolve));
    expect(happened).toEqual([]);
  });

  it('runs a service\'s migrations one at a time, in the order they start, a failed one included', async () => {
    const queue = new MigrationQueue();
    const steps: string[] = [];
    const step = (name: string, fail = false) => async () => {
      steps.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      steps.push(`${name} ends`);
      if (fail) throw new Error(`${name} failed`);
    };
    const outcomes = await Promise.allSettled([queue.enqueue(step('first')), queue.enqueue(step('second', true)), queue.enqueue(step('third'))]);
    expect(steps).toEqual(['first starts', 'first ends', 'second starts', 'second ends', 'third starts', 'third ends']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
