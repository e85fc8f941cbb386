import { Injectable } from '@nestjs/common';
import { type MemberAccountView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AuditTrail } from '../audit-log/audit-trail';
import { AccessTokens } from '../auth/access-tokens';
import type { MemberAccessTokenResponse } from '../auth/dto/access-token-response.dto';

/**
 * The person leaves their organization: a token of their new session (in no organization) at
 * once. Audited here rather than from the request alone: only the session still names the
 * organization left, whose log must show it.
 */
@Injectable()
export class LeaveOrganizationUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditTrail,
  ) {}

  async execute(member: MemberAccountView): Promise<MemberAccessTokenResponse> {
    const identity = await this.members.send(MembersRpc.LeaveOrganization, { memberId: member.id });
    this.audit.record({ action: 'member.left', organizationId: member.organizationId, actor: { type: 'member', id: member.id }, object: { type: 'member', id: member.id }, details: {} });
    return this.tokens.issueForMember(identity);
  }
}
