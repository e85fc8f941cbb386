import { Injectable } from '@nestjs/common';
import type { DeletedMember, MemberCommand } from '@app/contracts';
import { DELETED_NAME_HOLD_DAYS, type DeletedAccount } from '../accounts/deleted-account';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../accounts/persistence/deleted-accounts.repository';
import { ReservationsRepository } from '../accounts/persistence/reservations.repository';
import { ActivationClaimsRepository } from '../activation/persistence/activation-claims.repository';
import { DomainError } from '../rpc/domain.error';
import { BatchRowsRepository } from '../member-batches/persistence/batch-rows.repository';
import { accountDeleted } from './member-events/member-events';
import { MemberEventsPublisher } from './member-events/member-events.publisher';
import { MemberLookup } from './member-lookup';
import { MembershipEnding } from './member-events/membership-ending';

const DAY_MS = 86_400_000;

/**
 * An admin removes a personal member from the organization (MemberRemoved, `removed_by_admin`),
 * or deletes a business account for good. In an order that a deletion asked again after a
 * crash finishes: the tombstone (id, account name, where it was created), the account name held
 * for DELETED_NAME_HOLD_DAYS, the AccountDeleted event in the outbox, the address free for a new
 * batch, the batch row and activation claim forgetting what the member typed, and last the
 * account document with the address, names and password; the event is published after (or by the
 * relay). All by `_id`: nothing read grows with the organization.
 */
@Injectable()
export class DeleteMemberUseCase {
  constructor(
    private readonly lookup: MemberLookup,
    private readonly accounts: AccountsRepository,
    private readonly deleted: DeletedAccountsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly rows: BatchRowsRepository,
    private readonly claims: ActivationClaimsRepository,
    private readonly events: MemberEventsPublisher,
    private readonly memberships: MembershipEnding,
  ) {}

  async execute(command: MemberCommand): Promise<DeletedMember> {
    const { account } = await this.lookup.forAction(command, 'delete');
    if (account.type === 'personal') {
      // A personal member is removed from the organization; the account stays its owner's.
      if (!(await this.memberships.end(account, command.organizationId, 'removed_by_admin', command.adminId))) throw DomainError.notFound('This member');
      return { id: account._id, accountName: account.accountName, outcome: 'removed_from_organization' };
    }
    const deletedAt = new Date();
    const tombstone: DeletedAccount = {
      _id: account._id,
      organizationId: command.organizationId,
      type: account.type ?? 'business',
      accountName: account.accountName,
      batchId: account.batchId,
      chunk: account.chunk,
      createdAt: account.createdAt,
      deletedAt,
      deletedBy: command.adminId,
      nameHeldUntil: new Date(deletedAt.getTime() + DELETED_NAME_HOLD_DAYS * DAY_MS),
    };
    // An interrupted deletion asked again keeps what its first attempt wrote.
    const written = (await this.deleted.insert(tombstone)) ? tombstone : ((await this.deleted.findById(account._id)) ?? tombstone);
    await this.reservations.holdDeletedName(account.accountName, account._id, account.batchId, written.nameHeldUntil);
    const event = accountDeleted({ memberId: account._id, organizationId: command.organizationId, accountName: account.accountName, adminId: written.deletedBy, at: written.deletedAt });
    await this.events.prepare(account._id, event);
    // The copies the import and the activation kept of what the member typed go first: until the
    // account goes, asking again finds it and does all of this again.
    await Promise.all([
      this.reservations.releaseEmail(account.emailNormalized, account._id),
      account.batchId ? this.rows.erasePersonalData(account.batchId, account._id) : undefined,
      this.claims.remove(account._id),
    ]);
    await this.accounts.remove(account._id);
    await this.events.publish(event);
    return { id: account._id, accountName: account.accountName, outcome: 'account_deleted' };
  }
}
