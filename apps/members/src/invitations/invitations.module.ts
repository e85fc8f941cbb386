import { Module } from '@nestjs/common';
import { InvitationIssuer } from './invitation-issuer';

/** Invitations of personal accounts, and their memberships (TODO(invitations): being built). */
@Module({
  providers: [InvitationIssuer],
  exports: [InvitationIssuer],
})
export class InvitationsModule {}
