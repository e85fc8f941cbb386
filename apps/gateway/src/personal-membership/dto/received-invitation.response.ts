import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVITATION_STATUSES, type InvitationStatus, type ReceivedInvitationView } from '@app/contracts';

/** An invitation as the invited person sees it. */
export class ReceivedInvitationResponse implements ReceivedInvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The inviting organization' })
  organizationId?: string;

  @ApiProperty({ example: 'Contoso' })
  organizationName: string;

  @ApiProperty({ example: 'jane.doe', description: 'The account invited: the signed-in one' })
  accountName: string;

  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'Past it, accepting or declining answers 410 `invitation_expired`' })
  expiresAt: string;
}

export class ReceivedInvitationsResponse {
  @ApiProperty({ type: [ReceivedInvitationResponse] })
  items: ReceivedInvitationResponse[];
}
