import { Injectable } from '@nestjs/common';
import { type MemberAccountView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AuditTrail } from '../audit-log/audit-trail';

/**
 * The person deletes their own personal account, confirming with its password. Audited here: the
 * session names the organization it was a member of, if any, whose log must show it.
 */
@Injectable()
export class DeletePersonalAccountUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly audit: AuditTrail,
  ) {}

  async execute(member: MemberAccountView, password: string): Promise<void> {
    await this.members.send(MembersRpc.DeletePersonalAccount, { memberId: member.id, password });
    this.audit.record({
      action: 'member.personal_account_deleted',
      organizationId: member.organizationId,
      actor: { type: 'member', id: member.id },
      object: { type: 'member', id: member.id },
      details: {},
    });
  }
}
