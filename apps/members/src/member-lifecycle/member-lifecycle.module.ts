import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { ActivationModule } from '../activation/activation.module';
import { BatchPersistenceModule } from '../member-batches/persistence/batch-persistence.module';
import { ChangeMemberStatusUseCase } from './change-member-status.usecase';
import { DeleteMemberUseCase } from './delete-member.usecase';
import { MemberEventsOutbox } from './member-events.outbox';
import { MemberEventsPublisher } from './member-events.publisher';
import { MemberLifecycleController } from './member-lifecycle.controller';
import { MemberLookup } from './member-lookup';
import { MemberEventOutboxEntry, MemberEventOutboxEntrySchema } from './persistence/member-event-outbox.schema';
import { MemberEventsOutboxRepository } from './persistence/member-events-outbox.repository';

/** An admin suspends, reactivates and deletes business accounts; MemberSuspended, MemberReactivated and AccountDeleted tell subscribers. */
@Module({
  imports: [MongooseModule.forFeature([{ name: MemberEventOutboxEntry.name, schema: MemberEventOutboxEntrySchema }]), AccountsModule, ActivationModule, BatchPersistenceModule],
  controllers: [MemberLifecycleController],
  providers: [MemberLookup, ChangeMemberStatusUseCase, DeleteMemberUseCase, MemberEventsPublisher, MemberEventsOutboxRepository, MemberEventsOutbox],
  exports: [MemberEventsOutbox],
})
export class MemberLifecycleModule {}
