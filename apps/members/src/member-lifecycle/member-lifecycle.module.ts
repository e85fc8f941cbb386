import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ActivationModule } from '../activation/activation.module';
import { BatchPersistenceModule } from '../member-batches/persistence/batch-persistence.module';
import { ChangeMemberStatusUseCase } from './change-member-status.usecase';
import { DeleteMemberUseCase } from './delete-member.usecase';
import { MemberEventsModule } from './member-events/member-events.module';
import { MemberLifecycleController } from './member-lifecycle.controller';
import { MemberLookup } from './member-lookup';

/**
 * An admin suspends, reactivates and deletes business accounts, and removes personal members;
 * MemberSuspended, MemberReactivated, AccountDeleted and MemberRemoved tell subscribers.
 */
@Module({
  imports: [AccountsModule, ActivationModule, BatchPersistenceModule, MemberEventsModule],
  controllers: [MemberLifecycleController],
  providers: [MemberLookup, ChangeMemberStatusUseCase, DeleteMemberUseCase],
})
export class MemberLifecycleModule {}
