import { ErrorCode } from '@app/contracts';
import { DomainError } from '../rpc/domain.error';
import type { Invitation } from './domain/invitation';
import { isPastExpiry } from './domain/invitation-expiry';

/**
 * Whether the person may still accept or decline: pending (409 `invitation_not_pending`) and not
 * past its expiry (410 `invitation_expired`), even before the sweep marked it expired.
 */
export function answerableNow(invitation: Invitation, now: Date): void {
  if (invitation.status === 'expired' || (invitation.status === 'pending' && isPastExpiry(invitation, now))) {
    throw new DomainError(ErrorCode.InvitationExpired, 'This invitation has expired: ask the organization to invite you again.');
  }
  if (invitation.status !== 'pending') throw new DomainError(ErrorCode.InvitationNotPending, `This invitation is ${invitation.status}: it can no longer be answered.`);
}
