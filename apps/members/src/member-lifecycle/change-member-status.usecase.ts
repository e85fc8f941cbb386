import { Injectable } from '@nestjs/common';
import { type AccountStatus, ErrorCode, type MemberCommand, type MemberDetailView } from '@app/contracts';
import { withStatusChange } from '../accounts/account-history';
import { toMemberDetailView } from '../accounts/member-detail-view';
import { AccountsRepository } from '../accounts/persistence/accounts.repository';
import { ActivationTokensRepository } from '../activation/persistence/activation-tokens.repository';
import { DomainError } from '../rpc/domain.error';
import { memberReactivated, memberSuspended } from './member-events/member-events';
import { MemberEventsPublisher } from './member-events/member-events.publisher';
import { MemberLookup } from './member-lookup';

/**
 * An admin suspends a business account, or reactivates it. Suspension moves the account's session
 * version on (every token it has ends at once) and ends its activation links; reactivation puts it
 * back to `active`, or to `pending_activation` if the member never activated (the admin then
 * sends a new link). Each is one write of the account, told by MemberSuspended or MemberReactivated.
 */
@Injectable()
export class ChangeMemberStatusUseCase {
  constructor(
    private readonly lookup: MemberLookup,
    private readonly accounts: AccountsRepository,
    private readonly tokens: ActivationTokensRepository,
    private readonly events: MemberEventsPublisher,
  ) {}

  async suspend(command: MemberCommand): Promise<MemberDetailView> {
    return this.change(command, 'suspend');
  }

  async reactivate(command: MemberCommand): Promise<MemberDetailView> {
    return this.change(command, 'reactivate');
  }

  private async change(command: MemberCommand, action: 'suspend' | 'reactivate'): Promise<MemberDetailView> {
    const { account, to } = await this.lookup.forAction(command, action);
    if (to === 'deleted') throw new Error(`${action} cannot delete`);
    const status: AccountStatus = to;
    const at = new Date();
    const subject = { memberId: account._id, organizationId: command.organizationId, accountName: account.accountName, adminId: command.adminId, at };
    const event = status === 'suspended' ? memberSuspended(subject) : memberReactivated(subject, status === 'active' ? 'active' : 'pending_activation');
    await this.events.prepare(account._id, event);
    const statusChanges = withStatusChange(account.statusChanges, { event: action === 'suspend' ? 'suspended' : 'reactivated', at, by: command.adminId, eventId: event.id });
    const sessionVersion = (account.sessionVersion ?? 0) + 1;
    if (!(await this.accounts.changeStatus(account._id, account.status, status, statusChanges, sessionVersion))) {
      await this.events.abandon(event);
      throw new DomainError(ErrorCode.Conflict, 'This member changed while you asked: look at the member again and retry.');
    }
    // A pending member's links end with the suspension; after reactivation the admin sends a new one.
    if (action === 'suspend') await this.tokens.revokeAllForMember(account._id, command.organizationId);
    await this.events.publish(event);
    return toMemberDetailView({ ...account, status, statusChanges, sessionVersion });
  }
}
