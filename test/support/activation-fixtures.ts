import { createHash } from 'node:crypto';
import { type IssueActivationLinksCommand, MembersRpc } from '@app/contracts';
import type { CreatedMember, TestStack } from '@app/testing';

/** A fresh activation link, as the notifications service gets it before mailing; earlier links stop working. */
export async function issueActivationToken(stack: TestStack, member: CreatedMember): Promise<string> {
  const command: IssueActivationLinksCommand = { members: [{ memberId: member.memberId, organizationId: member.organizationId }] };
  const [link] = (await stack.membersRpc('notifications').send(MembersRpc.IssueActivationLinks, command)).links;
  const token = new URL(link.activationUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link.activationUrl}`);
  return token;
}

/** Moves a link's expiry into the past, straight in the database (the shortest configurable lifetime is an hour). */
export async function expireActivationToken(stack: TestStack, token: string): Promise<void> {
  const secretHash = createHash('sha256')
    .update(token.slice(token.lastIndexOf('.') + 1), 'utf8')
    .digest('hex');
  const result = await stack
    .db()
    .collection<{ tokenHash: string; expiresAt: Date }>('activation_tokens')
    .updateOne({ tokenHash: secretHash }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
  if (result.matchedCount !== 1) throw new Error('no stored activation token for this link');
}
