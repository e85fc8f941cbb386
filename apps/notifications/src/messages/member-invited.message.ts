import { Type } from 'class-transformer';
import { Equals, IsDefined, ValidateNested } from 'class-validator';
import { MEMBER_INVITED_VERSION, type MemberInvitedEvent } from '@app/contracts';
import { EventEnvelopeMessage } from './event-envelope.message';
import { InvitationMailRecipientFields } from './invitation-mail-recipient.fields';

export class MemberInvitedMessage extends EventEnvelopeMessage implements Omit<MemberInvitedEvent, 'data'> {
  @Equals('MemberInvited')
  type: 'MemberInvited';

  @Equals(MEMBER_INVITED_VERSION)
  version: number;

  @IsDefined()
  @ValidateNested()
  @Type(() => InvitationMailRecipientFields)
  data: InvitationMailRecipientFields;
}
