/** Message patterns the members service answers over RabbitMQ (request/response). */
export const MembersRpc = {
  Ping: 'members.ping',
  VerifyAdmin: 'auth.verify-admin',
  CreateEmailBatch: 'batches.create-from-emails',
  CreateUploadBatch: 'batches.create-from-upload',
  BatchErrorRows: 'batches.error-rows',
  GetBatch: 'batches.get',
  ListBatchRows: 'batches.list-rows',
  UpdateBatchRow: 'batches.update-row',
  CommitBatch: 'batches.commit',
  ListMembers: 'members.list',
  GetMember: 'members.get',
  ResendActivationEmail: 'members.resend-activation-email',
  IssueActivationLinks: 'activation.issue-links',
  GetActivation: 'activation.get',
  Activate: 'activation.activate',
  VerifyMember: 'auth.verify-member',
  GetBatchSummary: 'batches.summary-recipient',
} as const;

export interface PingReply {
  service: 'members';
  role: string;
  time: string;
}
