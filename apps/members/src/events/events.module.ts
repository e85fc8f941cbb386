import { Module } from '@nestjs/common';
import { AccountEventsOutbox } from '../member-batches/account-events.outbox';
import { BatchEventsOutbox } from '../member-batches/batch-events.outbox';
import { MemberBatchesModule } from '../member-batches/member-batches.module';
import { EventRelay } from './event-relay';
import { OUTBOX_SOURCES } from './outbox-source';

@Module({
  imports: [MemberBatchesModule],
  providers: [
    {
      provide: OUTBOX_SOURCES,
      inject: [AccountEventsOutbox, BatchEventsOutbox],
      useFactory: (accounts: AccountEventsOutbox, batches: BatchEventsOutbox) => [accounts, batches],
    },
    EventRelay,
  ],
})
export class EventsModule {}
