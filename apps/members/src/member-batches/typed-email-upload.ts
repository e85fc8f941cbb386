import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

/** The name a long typed list is stored under, in the upload store the import workers read. */
export const TYPED_EMAILS_FILE_NAME = 'typed-emails.json';

/** What an admin typed, as stored for the import workers when it is too long to check at once. */
export function typedEmailsUpload(emails: string | string[]): Readable {
  return Readable.from([JSON.stringify(emails)]);
}

/** Reads back what `typedEmailsUpload` stored. */
export async function readTypedEmails(stored: Readable): Promise<string | string[]> {
  const value: unknown = JSON.parse(await text(stored));
  if (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) return value as string | string[];
  throw new Error('the stored list of typed addresses is not a string or a list of strings');
}
