import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { loadEnvironment } from '@app/config';
import type { Locale } from '@app/contracts';
import { type BrokerUser, serviceAmqpUrl } from './test-backends';

/** An app as its bootstrap function returns it (`startMembersService`, `startNotificationsService`). */
export interface RunningApp {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/** An app that serves HTTP, as `startGateway` returns it. */
export interface RunningHttpApp extends RunningApp {
  app: INestApplication;
  url: string;
}

/** Starts an app from environment variables, as its `main.ts` does from `process.env`. */
export type StartApp<Running extends RunningApp> = (variables: Record<string, string>) => Promise<Running>;

/**
 * An app's environment class and bootstrap function, joined as its `main.ts` joins them. The app
 * connects to RabbitMQ as its own broker user (`AMQP_URL`, unless the variables name another), so
 * the tests run it with no more permissions than it has in production.
 */
export function startApp<Env extends object, Running extends RunningApp>(
  Environment: ClassConstructor<Env>,
  bootstrap: (env: Env) => Promise<Running>,
  brokerUser: Exclude<BrokerUser, 'events'>,
): StartApp<Running> {
  return (variables) => bootstrap(loadEnvironment(Environment, { AMQP_URL: serviceAmqpUrl(brokerUser), ...variables }));
}

export interface NewAdmin {
  organization: string;
  email: string;
  password: string;
  locale: Locale;
}

/**
 * The apps a TestStack runs. Libraries never import apps, so the test, which may, hands them in
 * (the tests under `test/` share one such value, `test/support/roster-apps.ts`).
 */
export interface StackApps {
  startGateway: StartApp<RunningHttpApp>;
  startMembers: StartApp<RunningApp>;
  /** Needed only by tests that start the notifications service. */
  startNotifications?: StartApp<RunningApp>;
  /** Creates an organization and its admin in the running members service, as `npm run admin:create` does. */
  createAdmin(members: RunningApp, admin: NewAdmin): Promise<{ organizationId: string }>;
  /** The apps' own durable queues (besides `members.rpc`), deleted around each test file so no message crosses files. */
  queues: readonly string[];
}
