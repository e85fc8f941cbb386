import { Injectable } from '@nestjs/common';
import { Exchanges, RoutingKeys } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import { accountCreatedEvents, type CreatedAccounts } from './account-created-events';
import { AccountCreatedOutboxRepository } from './persistence/account-created-outbox.repository';

/**
 * Publishes a chunk's AccountCreated events as soon as its accounts exist, with publisher
 * confirms, before the chunk is marked committed. Events the broker does not confirm (it is
 * down, or refuses) are written to the outbox for the relay, so none is lost; a commit job redone
 * after a crash publishes its chunk's events again, under the same ids. Publishing at once spares
 * the database an outbox write, read and delete per chunk on the import's hot path.
 */
@Injectable()
export class AccountCreatedPublisher {
  constructor(
    private readonly publisher: ConfirmedPublisher,
    private readonly outbox: AccountCreatedOutboxRepository,
  ) {}

  /** `priority`: a batch of one chunk is the admin's interactive work, delivered before bulk imports. */
  async publish(created: CreatedAccounts, priority: number): Promise<void> {
    const events = accountCreatedEvents(created);
    const outcomes = await Promise.allSettled(
      events.map((event) => this.publisher.publish(Exchanges.Events, RoutingKeys.AccountCreated, event, { messageId: event.id, type: event.type, priority })),
    );
    const unconfirmed = created.members.filter((_, index) => outcomes[index].status === 'rejected');
    await this.outbox.add({ ...created, members: unconfirmed });
  }
}
