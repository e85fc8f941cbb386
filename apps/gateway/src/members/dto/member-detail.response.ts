import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_HISTORY_EVENTS, type MemberDetailView, type MemberHistoryEntry, type MemberHistoryEvent } from '@app/contracts';
import { MemberAccountResponse } from './member-account.response';

class MemberHistoryEntryResponse implements MemberHistoryEntry {
  @ApiProperty({ enum: MEMBER_HISTORY_EVENTS })
  event: MemberHistoryEvent;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The admin who did it; null for the creation and the activation' })
  by: string | null;
}

/** A member with what happened to the account, as `GET /api/v1/members/:id` and the suspension routes answer it. */
export class MemberDetailResponse extends MemberAccountResponse implements MemberDetailView {
  @ApiProperty({
    type: [MemberHistoryEntryResponse],
    description: 'Oldest first: created, activated, then the last 20 suspensions and reactivations',
  })
  history: MemberHistoryEntry[];
}
