import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_HISTORY_EVENTS, type MemberDetailView, type MemberHistoryEntry, type MemberHistoryEvent } from '@app/contracts';
import { MemberAccountResponse } from './member-account.response';

class MemberHistoryEntryResponse implements MemberHistoryEntry {
  @ApiProperty({ enum: MEMBER_HISTORY_EVENTS })
  event: MemberHistoryEvent;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The admin who did it; null for what the member or an import did (creation, activation, joining, declining, leaving)' })
  by: string | null;
}

/** A member with what happened to the account, as `GET /api/v1/members/:id` and the suspension routes answer it. */
export class MemberDetailResponse extends MemberAccountResponse implements MemberDetailView {
  @ApiProperty({
    type: [MemberHistoryEntryResponse],
    description:
      'Oldest first. A business account: created, activated, then the last 20 suspensions and reactivations. A personal member: each invitation of this organization (`invited`) and how it ended (`joined`, `declined`, `invitation_expired`, `invitation_cancelled`), then `left` or `removed_by_admin`',
  })
  history: MemberHistoryEntry[];
}
