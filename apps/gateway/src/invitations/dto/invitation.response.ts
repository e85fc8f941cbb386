import { ApiProperty } from '@nestjs/swagger';
import { INVITATION_STATUSES, type InvitationStatus, type InvitationView } from '@app/contracts';

const MEMBERSHIP_END_REASONS = ['left', 'removed_by_admin', 'account_deleted'] as const;

class MembershipEndedResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ enum: MEMBERSHIP_END_REASONS, description: 'As `MemberRemoved` says it: the person left, an admin removed them, or the person deleted their account' })
  reason: (typeof MEMBERSHIP_END_REASONS)[number];
}

/** An invitation of a personal account, as the inviting organization's admins see it. */
export class InvitationResponse implements InvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ format: 'uuid', description: 'The personal account invited; its member id once it accepted' })
  memberId: string;

  @ApiProperty({ example: 'jane.doe' })
  accountName: string;

  @ApiProperty({ example: 'jane@example.org' })
  email: string;

  @ApiProperty({
    enum: INVITATION_STATUSES,
    description: '`pending` until the person answers; `accepted` made them a member; `declined`, `expired` (`INVITATION_TTL_HOURS` passed) and `cancelled` (by an admin) did not',
  })
  status: InvitationStatus;

  @ApiProperty({ format: 'uuid', description: 'The admin who invited (or who committed the batch)' })
  invitedByAdminId: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The batch whose commit invited the person; null when invited by account name' })
  batchId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'Past it, the invitation can no longer be accepted (410 `invitation_expired`)' })
  expiresAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the last invitation mail was asked for: the creation, then each resend' })
  lastSentAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When it stopped being pending; null while pending' })
  endedAt: string | null;

  @ApiProperty({ type: MembershipEndedResponse, nullable: true, description: 'For an accepted invitation whose membership ended since: when and why; null otherwise' })
  membershipEnded: InvitationView['membershipEnded'];
}
