import { Injectable } from '@nestjs/common';
import { ErrorCode, type RowProblem } from '@app/contracts';
import { type Account, isUnverifiedPersonal } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { InvitationIssuance } from './invitation-issuance';

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

/** Invitations written at once by one chunk's commit. */
const CONCURRENT_INVITATIONS = 20;

/** Why a personal account cannot be invited by this organization now; null when it can. */
export function invitationRefusal(account: Account | null, organizationId: string): RowProblem | null {
  if (!account || account.type !== 'personal') return { code: ErrorCode.NotAPersonalAccount, message: 'This address no longer has a personal account.' };
  if (isUnverifiedPersonal(account)) return { code: ErrorCode.PersonalAccountUnverified, message: 'This personal account has not verified its address yet.' };
  if (account.organizationId === organizationId) return { code: ErrorCode.AlreadyMember, message: 'This personal account is already a member of the organization.' };
  if (account.organizationId) return { code: ErrorCode.MemberOfAnotherOrganization, message: 'This personal account is a member of another organization.' };
  return null;
}

/**
 * Turns a committed chunk's invitation rows into invitations. Idempotent: an invitation's id is
 * its row's id, so a redone chunk creates none twice and publishes the same `MemberInvited` event
 * ids again. Reads only the invitees' accounts, by `_id`; refuses an invitee whose account is
 * gone, unverified, or a member of an organization (`member_of_another_organization`, or
 * `already_member` for this one); publishes `MemberInvited` with confirms (or leaves it to the
 * event relay) before it answers.
 */
@Injectable()
export class InvitationIssuer {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly issuance: InvitationIssuance,
  ) {}

  async inviteFromBatch(batch: InvitingBatch, invitees: BatchInvitee[]): Promise<InviteOutcome[]> {
    const outcomes: InviteOutcome[] = [];
    for (let start = 0; start < invitees.length; start += CONCURRENT_INVITATIONS) {
      outcomes.push(...(await Promise.all(invitees.slice(start, start + CONCURRENT_INVITATIONS).map((invitee) => this.invite(batch, invitee)))));
    }
    return outcomes;
  }

  private async invite(batch: InvitingBatch, invitee: BatchInvitee): Promise<InviteOutcome> {
    const account = await this.accounts.findById(invitee.accountId);
    const problem = invitationRefusal(account, batch.organizationId);
    if (problem) {
      // A redone chunk: the invitation was written by the first attempt, and the account may have answered it since.
      if (await this.issuance.exists(invitee.invitationId)) return { invitationId: invitee.invitationId, outcome: 'invited' };
      return { invitationId: invitee.invitationId, outcome: 'refused', problem };
    }
    await this.issuance.issue({ invitationId: invitee.invitationId, account: account!, organizationId: batch.organizationId, organizationName: batch.organizationName, adminId: batch.adminId, batchId: batch.batchId });
    return { invitationId: invitee.invitationId, outcome: 'invited' };
  }
}
