import { Injectable } from '@nestjs/common';
import { ErrorCode, Exchanges, MessagePriority, RoutingKeys, type SendSignUpEmailCommand } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import type { ExistingEmail } from '../../accounts/persistence/accounts.repository';
import { deterministicUuid } from '../../persistence/deterministic-uuid';
import { DomainError } from '../../rpc/domain.error';

/** A batch row whose address is an unverified personal account's: its person is asked to verify it. */
export interface AddressVerificationRequest {
  rowId: string;
  account: ExistingEmail;
}

/** The id of the one mail a row asks for, however many times the row is validated or committed. */
export function verificationCommandId(rowId: string): string {
  return deterministicUuid(`SendSignUpEmail:verify_address:${rowId}`);
}

/**
 * Asks the notifications service (privately, on `roster.commands`) for the mail a sign-up sends
 * to verify an address, as the sign-up does, for accounts that an admin's batch tried to add: the
 * person verifies, and the admin can then invite them. The command id comes from the row, so a
 * validation or commit done again asks for the same mail, which is sent once. No token travels: the
 * link is issued when the mail is written.
 */
@Injectable()
export class AddressVerificationRequests {
  constructor(private readonly publisher: ConfirmedPublisher) {}

  async send(requests: AddressVerificationRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const requestedAt = new Date().toISOString();
    const outcomes = await Promise.allSettled(
      requests.map(({ rowId, account }) => {
        const message: SendSignUpEmailCommand = {
          id: verificationCommandId(rowId),
          requestedAt,
          kind: 'verify_address',
          accountId: account._id,
          email: account.email,
          accountName: account.accountName,
          firstName: account.firstName,
          locale: account.locale,
          businessAccount: false,
        };
        // Imports are bulk work: a sign-up's own mail goes first.
        return this.publisher.publish(Exchanges.Commands, RoutingKeys.SendSignUpEmail, message, { messageId: message.id, type: 'SendSignUpEmail', priority: MessagePriority.Bulk });
      }),
    );
    // The row says a mail was sent: unless the broker took every one, the work is done again (the same ids, so none twice).
    if (outcomes.some((outcome) => outcome.status === 'rejected' || !outcome.value.routed)) {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The mail service cannot take the request right now; try again shortly.');
    }
  }
}
