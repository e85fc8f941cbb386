import { createHash } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { type BatchRowView, type IssueActivationLinksCommand, type IssuedActivationLinks, type MemberBatchView, MembersRpc, type Page } from '@app/contracts';
import { eventually } from '@app/testing';
import { MembersClient } from '../../src/members-client/members-client';
import type { SignedInAdmin, TestStack } from './test-stack';

export interface NewMember {
  email: string;
  /** Set by the admin before commit: the account is then active, with mustChangePassword. */
  password?: string;
}

export interface CreatedMember {
  memberId: string;
  organizationId: string;
  email: string;
  accountName: string;
}

/** Adds members the way an admin does (batch, optional passwords, commit) and waits for their accounts. */
export async function addMembers(stack: TestStack, admin: SignedInAdmin, members: NewMember[]): Promise<Map<string, CreatedMember>> {
  const auth = { Authorization: `Bearer ${admin.token}` };
  const emails = members.map((member) => member.email);
  const batch: MemberBatchView & { rows: BatchRowView[] } = (await stack.http().post('/api/v1/member-batches').set(auth).send({ emails }).expect(201)).body;
  for (const member of members.filter((candidate) => candidate.password)) {
    const row = batch.rows.find((candidate) => candidate.email === member.email.replace(/^.*<|>$/g, ''))!;
    await stack.http().patch(`/api/v1/member-batches/${batch.id}/rows/${row.id}`).set(auth).send({ password: member.password }).expect(200);
  }
  await stack.http().post(`/api/v1/member-batches/${batch.id}/commit`).set(auth).expect(202);
  await eventually(
    async () => ((await stack.http().get(`/api/v1/member-batches/${batch.id}`).set(auth)).body.status === 'completed' ? true : undefined),
    30_000,
    `batch ${batch.id} completed`,
  );
  const rows: Page<BatchRowView> = (await stack.http().get(`/api/v1/member-batches/${batch.id}/rows?status=created&limit=100`).set(auth).expect(200)).body;
  if (rows.total !== members.length) throw new Error(`expected ${members.length} accounts, got ${rows.total}`);
  return new Map(rows.items.map((row) => [row.email, { memberId: row.memberId!, organizationId: admin.organizationId, email: row.email, accountName: row.accountName! }]));
}

/** A fresh activation link, as the notifications service gets it before mailing; earlier links stop working. */
export async function issueActivationToken(stack: TestStack, member: CreatedMember): Promise<string> {
  const command: IssueActivationLinksCommand = { members: [{ memberId: member.memberId, organizationId: member.organizationId }] };
  const [link] = (await stack.gateway.app.get(MembersClient).send<IssuedActivationLinks>(MembersRpc.IssueActivationLinks, command)).links;
  const token = new URL(link.activationUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link.activationUrl}`);
  return token;
}

/** Moves a link's expiry into the past, straight in the database (the shortest configurable lifetime is an hour). */
export async function expireActivationToken(stack: TestStack, token: string): Promise<void> {
  const client = new MongoClient(stack.mongoUrl);
  try {
    const hash = createHash('sha256').update(token, 'utf8').digest('hex');
    const result = await client
      .db()
      .collection<{ _id: string; expiresAt: Date }>('activation_tokens')
      .updateOne({ _id: hash }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    if (result.matchedCount !== 1) throw new Error('no stored activation token for this link');
  } finally {
    await client.close();
  }
}
