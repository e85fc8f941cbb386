import { type Locale, MembersRpc } from '@app/contracts';
import type { TestStack } from '@app/testing';

export const PERSONAL_PASSWORD = 'Quiet-Meadow-Lantern-73';

export interface VerifiedPerson {
  accountId: string;
  accountName: string;
  email: string;
}

let nextClientAddress = 1;

/**
 * A personal account as a person makes one: `POST /api/v1/accounts`, then the link of the
 * verification mail (the stack runs the notifications service), verified as the page does.
 */
export async function verifiedPersonalAccount(stack: TestStack, accountName: string, email: string, locale: Locale = 'en'): Promise<VerifiedPerson> {
  await stack
    .http()
    .post('/api/v1/accounts')
    .set('X-Forwarded-For', `203.0.113.${nextClientAddress++}`)
    .send({ email, accountName, password: PERSONAL_PASSWORD, locale })
    .expect(202);
  const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes(email) && /\/verify-email\?token=/.test(candidate.text), 30_000);
  const token = /\/verify-email\?token=([0-9A-Za-z-]+\.\d+\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no verification link in the mail to ${email}`);
  await stack.membersRpc('gateway').send(MembersRpc.VerifyEmail, { token });
  const account = await stack.db().collection<{ _id: string }>('accounts').findOne({ accountName });
  if (!account) throw new Error(`no account ${accountName}`);
  return { accountId: account._id, accountName, email };
}

/** A member token of the person, by the API's member sign-in. */
export async function personToken(stack: TestStack, login: string, password = PERSONAL_PASSWORD): Promise<string> {
  const response = await stack.http().post('/api/v1/auth/member-login').send({ login, password });
  if (response.status !== 200) throw new Error(`member sign-in of ${login} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}
