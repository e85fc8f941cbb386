import { ApiPropertyOptional } from '@nestjs/swagger';
import { INVITATION_STATUSES, type InvitationStatus, InvitationsQuery as InvitationsQueryMessage, MAX_PAGE, MAX_PAGE_SIZE } from '@app/contracts';

/** `GET /api/v1/invitations` query: the checks of the RPC's query (which the members service applies too), documented. */
export class InvitationsQuery extends InvitationsQueryMessage {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  override page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  override limit = 50;

  @ApiPropertyOptional({ enum: INVITATION_STATUSES, description: 'Only the invitations in this status' })
  override status?: InvitationStatus = undefined;
}
