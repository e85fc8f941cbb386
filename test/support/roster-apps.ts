import { Queues } from '@app/contracts';
import { startApp, type StackApps } from '@app/testing';
import { startGateway } from '../../apps/gateway/src/bootstrap';
import { GatewayEnvironment } from '../../apps/gateway/src/config/gateway.environment';
import { startMembersService } from '../../apps/members/src/bootstrap';
import { MembersEnvironment } from '../../apps/members/src/config/members.environment';
import { BATCH_WORK_QUEUE } from '../../apps/members/src/member-batches/batch-work/batch-work.queue';
import { CreateAdminUseCase } from '../../apps/members/src/organizations/create-admin.usecase';
import { startNotificationsService } from '../../apps/notifications/src/bootstrap';
import { NotificationsEnvironment } from '../../apps/notifications/src/config/notifications.environment';
import { allNotificationQueues } from '../../apps/notifications/src/mail-delivery/notification-queues';

/** Short delays so a whole retry cycle (4 tries) takes under two seconds. */
export const RETRY_DELAYS_MS = [300, 600, 900];
export const CLAIM_LEASE_MS = 2_000;

/** What the tests of mail pass as `notifications` to `TestStack.start`. */
export const NOTIFICATIONS_FOR_TESTS = {
  MAIL_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
  MAIL_CLAIM_LEASE_MS: String(CLAIM_LEASE_MS),
  RPC_TIMEOUT_MS: '5000',
  LOG_LEVEL: 'log',
};

/** Roster's three apps as the tests under `test/` start them, each from its own bootstrap function and environment class. */
export const rosterApps: StackApps = {
  startGateway: startApp(GatewayEnvironment, startGateway, 'gateway'),
  startMembers: startApp(MembersEnvironment, startMembersService, 'members'),
  startNotifications: startApp(NotificationsEnvironment, startNotificationsService, 'notifications'),
  createAdmin: (members, admin) => members.app.get(CreateAdminUseCase).execute(admin),
  queues: [BATCH_WORK_QUEUE, Queues.MembersAuditEvents, Queues.MembersAuditEventsDead, ...allNotificationQueues(RETRY_DELAYS_MS)],
};
