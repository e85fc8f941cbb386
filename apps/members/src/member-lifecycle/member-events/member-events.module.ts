import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../../accounts/accounts.module';
import { InvitationsPersistenceModule } from '../../invitations/persistence/invitations-persistence.module';
import { MemberEventsOutbox } from './member-events.outbox';
import { MemberEventsPublisher } from './member-events.publisher';
import { MembershipEnding } from './membership-ending';
import { MemberEventOutboxEntry, MemberEventOutboxEntrySchema } from './persistence/member-event-outbox.schema';
import { MemberEventsOutboxRepository } from './persistence/member-events-outbox.repository';

/**
 * Member events through `member_events_outbox` (an admin's suspension, reactivation, deletion; an
 * invitation's changes and the memberships they lead to), and the end of a personal member's
 * membership, which an admin's removal, leaving and an account's deletion share.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: MemberEventOutboxEntry.name, schema: MemberEventOutboxEntrySchema }]), AccountsModule, InvitationsPersistenceModule],
  providers: [MemberEventsPublisher, MemberEventsOutboxRepository, MemberEventsOutbox, MembershipEnding],
  exports: [MemberEventsPublisher, MemberEventsOutbox, MembershipEnding],
})
export class MemberEventsModule {}
