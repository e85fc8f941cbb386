import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';

/** An organization's invitations of personal accounts, over the API. */
@Module({ controllers: [InvitationsController] })
export class InvitationsModule {}
