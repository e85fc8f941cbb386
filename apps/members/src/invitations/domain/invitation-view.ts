import type { InvitationView, ReceivedInvitationView } from '@app/contracts';
import type { Invitation } from './invitation';

/** The invitation as the inviting organization's admins see it. */
export function toInvitationView(invitation: Invitation): InvitationView {
  return {
    id: invitation._id,
    organizationId: invitation.organizationId,
    memberId: invitation.accountId,
    accountName: invitation.accountName,
    email: invitation.email,
    status: invitation.status,
    invitedByAdminId: invitation.invitedBy,
    batchId: invitation.batchId,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    lastSentAt: invitation.lastSentAt.toISOString(),
    endedAt: invitation.endedAt?.toISOString() ?? null,
    membershipEnded: invitation.membershipEnded ? { at: invitation.membershipEnded.at.toISOString(), reason: invitation.membershipEnded.reason } : null,
  };
}

/** The invitation as the invited person sees it. */
export function toReceivedInvitationView(invitation: Invitation, organizationName: string): ReceivedInvitationView {
  return {
    id: invitation._id,
    organizationName,
    accountName: invitation.accountName,
    status: invitation.status,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** The person's invitations: pending first, then newest first. */
export function receivedOrder(a: Invitation, b: Invitation): number {
  const pending = Number(b.status === 'pending') - Number(a.status === 'pending');
  return pending !== 0 ? pending : b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1);
}
