import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ErrorCode, Exchanges, MessagePriority, RoutingKeys, type SendSignUpEmailCommand, type SignUpMailKind } from '@app/contracts';
import { ConfirmedPublisher } from '@app/messaging';
import type { Account } from '../accounts/account';
import { DomainError } from '../rpc/domain.error';

/**
 * Tells the notifications service, privately (`roster.commands`, never the public events), which
 * mail a sign-up leads to and what it says. No token travels: a verification link is issued when
 * the mail is written.
 */
@Injectable()
export class SignUpMails {
  constructor(private readonly publisher: ConfirmedPublisher) {}

  /** A link to verify the address of a personal account not verified yet (new, or signed up again). */
  verifyAddress(account: Account): Promise<void> {
    return this.send('verify_address', account);
  }

  /** The address has an account already: its owner is told so, and how to sign in. */
  accountExists(account: Account): Promise<void> {
    return this.send('account_exists', account);
  }

  private async send(kind: SignUpMailKind, account: Account): Promise<void> {
    const message: SendSignUpEmailCommand = {
      id: randomUUID(),
      requestedAt: new Date().toISOString(),
      kind,
      accountId: account._id,
      email: account.email,
      accountName: account.accountName,
      firstName: account.firstName,
      locale: account.locale,
      businessAccount: account.type !== 'personal',
    };
    const unavailable = new DomainError(ErrorCode.ServiceUnavailable, 'The mail service cannot take the request right now; try again shortly.');
    try {
      const { routed } = await this.publisher.publish(Exchanges.Commands, RoutingKeys.SendSignUpEmail, message, {
        messageId: message.id,
        type: 'SendSignUpEmail',
        priority: MessagePriority.Interactive,
      });
      if (!routed) throw unavailable;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unavailable;
    }
  }
}
