import { Injectable } from '@nestjs/common';
import { type DeletedMember, type DeletePersonalAccountCommand, ErrorCode } from '@app/contracts';
import { DELETED_NAME_HOLD_DAYS, type DeletedAccount } from '../accounts/deleted-account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../accounts/persistence/deleted-accounts.repository';
import { ReservationsRepository } from '../accounts/persistence/reservations.repository';
import { ActivationClaimsRepository } from '../activation/persistence/activation-claims.repository';
import { MembershipEnding } from '../member-lifecycle/member-events/membership-ending';
import { MemberCredentialsCheck } from '../member-sign-in/member-credentials-check';
import { DomainError } from '../rpc/domain.error';
import { InvitationsRepository } from './persistence/invitations.repository';

const DAY_MS = 86_400_000;

/**
 * A person deletes their own personal account, confirming with its password (checked as the
 * member sign-in checks it, under the same lockout: a wrong one answers 401 `invalid_credentials`).
 * A member first leaves its organization (`MemberRemoved`, `account_deleted`). Then, as an admin's
 * deletion of a business account, in an order that asking again finishes: the tombstone (id and
 * account name only, no organization), the name held DELETED_NAME_HOLD_DAYS, the address free,
 * the address and first name erased from its invitations and its activation claim removed, and
 * last the account document with the address, names and password. Its pending invitations stay
 * pending, with nothing personal left, until the sweep expires them (`InvitationExpired`): no one
 * can accept them, as no one can sign in as the account. No `AccountDeleted`: that event tells of
 * an admin deleting a business account.
 */
@Injectable()
export class DeletePersonalAccountUseCase {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly credentials: MemberCredentialsCheck,
    private readonly memberships: MembershipEnding,
    private readonly deleted: DeletedAccountsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly claims: ActivationClaimsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async execute(command: DeletePersonalAccountCommand): Promise<DeletedMember> {
    const found = await this.accounts.findById(command.memberId);
    if (!found) throw DomainError.notFound('This account');
    if (found.type !== 'personal') throw new DomainError(ErrorCode.NotAPersonalAccount, 'This is a business account: only its organization’s admin deletes it.');
    const account = await this.credentials.verify({ login: found.accountName, password: command.password });
    if (account._id !== found._id) throw new DomainError(ErrorCode.InvalidCredentials, 'The login or password is wrong.');
    await this.memberships.end(account, null, 'account_deleted', null);
    const deletedAt = new Date();
    const tombstone: DeletedAccount = {
      _id: account._id,
      // A personal account belongs to no organization: no admin's list counts it.
      organizationId: '',
      type: 'personal',
      accountName: account.accountName,
      batchId: null,
      chunk: null,
      createdAt: account.createdAt,
      deletedAt,
      deletedBy: account._id,
      nameHeldUntil: new Date(deletedAt.getTime() + DELETED_NAME_HOLD_DAYS * DAY_MS),
    };
    const written = (await this.deleted.insert(tombstone)) ? tombstone : ((await this.deleted.findById(account._id)) ?? tombstone);
    await this.reservations.holdDeletedName(account.accountName, account._id, null, written.nameHeldUntil);
    await Promise.all([this.reservations.releaseEmail(account.emailNormalized, account._id), this.claims.remove(account._id), this.invitations.erasePersonalData(account._id)]);
    await this.accounts.remove(account._id);
    return { id: account._id, accountName: account.accountName, outcome: 'account_deleted' };
  }
}
