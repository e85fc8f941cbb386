import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InvitationDocument, InvitationSchema } from './invitation.schema';
import { InvitationsRepository } from './invitations.repository';
import { MembershipDocument, MembershipSchema } from './membership.schema';
import { MembershipsRepository } from './memberships.repository';

/** `invitations` and `memberships`, for the invitations' use cases, the end of a membership and the event relay's checks. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: InvitationDocument.name, schema: InvitationSchema },
      { name: MembershipDocument.name, schema: MembershipSchema },
    ]),
  ],
  providers: [InvitationsRepository, MembershipsRepository],
  exports: [InvitationsRepository, MembershipsRepository],
})
export class InvitationsPersistenceModule {}
