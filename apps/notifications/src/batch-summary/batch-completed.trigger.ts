import { Injectable } from '@nestjs/common';
import { Exchanges, MembersRpc, RoutingKeys } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { NotificationsEnvironment } from '../config/notifications.environment';
import type { MailTrigger, TriggerIdentity } from '../mail-delivery/mail-trigger';
import { NotificationQueues } from '../mail-delivery/notification-queues';
import { MailTemplates } from '../mail-templates/mail-templates';
import type { OutgoingMail } from '../smtp/mail-sender';
import { BatchCompletedMessage } from '../messages/batch-completed.message';

/** A batch commit ended: the admin who started it gets the summary, in the admin's language. */
@Injectable()
export class BatchCompletedTrigger implements MailTrigger<BatchCompletedMessage> {
  readonly kind = 'batch-summary';
  readonly queue = NotificationQueues.BatchSummaries;
  readonly binding = { exchange: Exchanges.Events, routingKey: RoutingKeys.BatchCompleted };
  readonly schema = BatchCompletedMessage;

  constructor(
    private readonly members: MembersRpcClient,
    private readonly templates: MailTemplates,
    private readonly env: NotificationsEnvironment,
  ) {}

  identify(event: BatchCompletedMessage): TriggerIdentity {
    return { id: event.id, logFields: { eventId: event.id, batchId: event.data.batchId } };
  }

  async write(event: BatchCompletedMessage): Promise<OutgoingMail> {
    const { batchId, counts } = event.data;
    const recipient = await this.members.send(MembersRpc.GetBatchSummary, { batchId });
    const mail = this.templates.render('batch-summary', recipient.locale, {
      organizationName: recipient.organizationName,
      created: counts.created,
      invited: counts.invited ?? 0,
      skipped: counts.invalid,
      failed: counts.failed,
      total: counts.total,
      source: recipient.source,
      fileName: recipient.fileName,
      batchUrl: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/api/v1/member-batches/${batchId}`,
    });
    return { to: recipient.adminEmail, ...mail };
  }
}
