import { Injectable } from '@nestjs/common';
import type { RowProblem } from '@app/contracts';

/** A batch row that invites a personal account: the invitation's id is the row's id. */
export interface BatchInvitee {
  invitationId: string;
  accountId: string;
}

/** The committing batch, as the invitations and their `MemberInvited` events name it. */
export interface InvitingBatch {
  organizationId: string;
  organizationName: string;
  batchId: string;
  /** The admin who committed the batch. */
  adminId: string;
}

/** What became of one invitee: invited (now or by an earlier attempt), or refused with the row's problem. */
export type InviteOutcome = { invitationId: string; outcome: 'invited' } | { invitationId: string; outcome: 'refused'; problem: RowProblem };

/**
 * Turns a committed chunk's invitation rows into invitations (TODO(invitations): being built).
 * Contract: idempotent (an invitation's id is its row's id, so a redone chunk creates none twice
 * and publishes the same `MemberInvited` event ids again); reads only the invitees' accounts, by
 * `_id`; refuses an invitee whose account is gone, unverified, or a member of an organization
 * (`member_of_another_organization`, or `already_member` for this one); publishes `MemberInvited`
 * with confirms before it answers.
 */
@Injectable()
export class InvitationIssuer {
  async inviteFromBatch(_batch: InvitingBatch, invitees: BatchInvitee[]): Promise<InviteOutcome[]> {
    if (invitees.length === 0) return [];
    throw new Error('TODO(invitations): InvitationIssuer.inviteFromBatch');
  }
}
