import type { CapturedMail, TestStack } from '@app/testing';

/** The activation token in a mail's link (the text part holds the link as is). */
export function activationToken(mail: CapturedMail): string {
  const match = /\/activate\?token=((?:[0-9A-Za-z-]+\.\d+\.)?[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text);
  if (!match) throw new Error(`no activation link in the mail "${mail.subject}"`);
  return match[1];
}

/** The notifications service's dedupe record of an event or command. */
export function sentNotification(stack: TestStack, id: string): Promise<Record<string, unknown> | null> {
  return stack.db().collection<{ _id: string }>('sent_notifications').findOne({ _id: id });
}

/** A claim on a mail, as a sender leaves it behind when it dies mid-send. */
export async function insertMailClaim(stack: TestStack, claim: { _id: string } & Record<string, unknown>): Promise<void> {
  await stack.db().collection<{ _id: string }>('mail_claims').insertOne(claim);
}
