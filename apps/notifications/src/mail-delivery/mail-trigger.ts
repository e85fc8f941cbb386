import type { ClassConstructor } from 'class-transformer';
import type { OutgoingMail } from '../smtp/mail-sender';
import type { QueueBinding } from './mail-queue-topology';

export interface TriggerIdentity {
  /** The event or command id: at most one mail is sent per id. */
  id: string;
  /** Ids for the logs; never an address, a token or a link. */
  logFields: Record<string, string>;
}

/** A kind of message that leads to (at most) one mail, and how to write that mail. */
export interface MailTrigger<T extends object = object> {
  /** Names the kind in logs and dedupe records, e.g. `account-created`. */
  readonly kind: string;
  /** This service's durable work queue for the kind, and what feeds it. */
  readonly queue: string;
  readonly binding: QueueBinding;
  /** The class-validator shape a message must have; anything else is parked. */
  readonly schema: ClassConstructor<T>;
  identify(message: T): TriggerIdentity;
  /**
   * Gathers what the mail needs and writes it. Throws NothingToSend when no mail is needed,
   * PermanentFailure when it can never be written; any other error is retried.
   */
  write(message: T): Promise<OutgoingMail>;
}

export const MAIL_TRIGGERS = Symbol('MAIL_TRIGGERS');
