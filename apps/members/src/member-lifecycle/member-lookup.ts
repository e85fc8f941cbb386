import { Injectable } from '@nestjs/common';
import { ErrorCode, type MemberCommand } from '@app/contracts';
import type { Account } from '../accounts/account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../accounts/persistence/deleted-accounts.repository';
import { DomainError } from '../rpc/domain.error';
import { type MemberAction, type MemberState, transition } from './member-transitions';

/** The member an action applies to, and the status the action leaves it in. */
export interface ActionOnMember {
  account: Account;
  to: MemberState['status'];
}

/**
 * The member an admin acts on (a business account, or a personal member for its removal), in the admin's organization, by `_id` only: another
 * organization's member is unknown (404); a deleted one answers 409 `member_deleted` (its
 * tombstone is read only when the account is missing); an action the member's state does not
 * allow answers its 409.
 */
@Injectable()
export class MemberLookup {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly deleted: DeletedAccountsRepository,
  ) {}

  async forAction(command: MemberCommand, action: MemberAction): Promise<ActionOnMember> {
    const account = await this.accounts.findInOrganization(command.organizationId, command.memberId);
    const state: MemberState | null = account
      ? { status: account.status, activated: account.activatedAt !== null }
      : (await this.deleted.findById(command.memberId))?.organizationId === command.organizationId
        ? { status: 'deleted', activated: false }
        : null;
    if (!state) throw DomainError.notFound('This member');
    const outcome = transition(state, action);
    if (!outcome.allowed) throw new DomainError(outcome.code, outcome.message);
    // A personal member is removed from the organization (DeleteMember), never suspended: the account is its owner's.
    if ((account!.type ?? 'business') !== 'business' && action !== 'delete') {
      throw new DomainError(ErrorCode.Conflict, 'A personal account is its owner’s: an admin removes it from the organization, but does not suspend or reactivate it.');
    }
    return { account: account!, to: outcome.to };
  }
}
