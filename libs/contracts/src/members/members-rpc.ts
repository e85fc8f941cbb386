import type { AuditEventView, ListAuditEventsCommand } from './audit-event';
import type { AdminCredentials, AdminIdentity } from '../auth/admin-auth';
import type { ListMembersCommand, MemberAccountView, MemberCommand } from './account';
import type {
  ActivateAccountCommand,
  ActivationDetails,
  ActivationEmailQueued,
  ActivationTokenQuery,
  ChangeMemberPasswordCommand,
  IssueActivationLinksCommand,
  IssuedActivationLinks,
  MemberCredentials,
  MemberIdentity,
  MemberSessionQuery,
} from './activation';
import type { BatchSummaryQuery, BatchSummaryRecipient } from './batch-summary';
import type { BatchErrorRowsCommand, BatchErrorRowsPage, CreateUploadBatchCommand } from './batch-upload';
import type { BatchCommand, BatchRowView, CreateEmailBatchCommand, ListBatchesCommand, ListBatchRowsCommand, MemberBatchView, UpdateBatchRowCommand } from './member-batch';
import type { DeletedMember, MemberDetailView } from './member-lifecycle';
import type {
  DeletePersonalAccountCommand,
  InvitationCommand,
  InvitationView,
  InviteByAccountNameCommand,
  ListInvitationsCommand,
  PersonCommand,
  PersonInvitationCommand,
  ReceivedInvitationView,
} from './invitation';
import type { Page } from './pagination';
import type {
  EmailVerificationDetails,
  EmailVerificationQuery,
  IssuedVerificationLinks,
  IssueVerificationLinksCommand,
  SignUpAccepted,
  SignUpCommand,
} from './personal-account';

/** Message patterns the members service answers over RabbitMQ (request/response). */
export const MembersRpc = {
  Ping: 'members.ping',
  VerifyAdmin: 'auth.verify-admin',
  CreateEmailBatch: 'batches.create-from-emails',
  CreateUploadBatch: 'batches.create-from-upload',
  BatchErrorRows: 'batches.error-rows',
  GetBatch: 'batches.get',
  ListBatches: 'batches.list',
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
  ChangeMemberPassword: 'auth.change-member-password',
  GetMemberSession: 'auth.member-session',
  GetBatchSummary: 'batches.summary-recipient',
  SuspendMember: 'members.suspend',
  ReactivateMember: 'members.reactivate',
  DeleteMember: 'members.delete',
  ListAuditEvents: 'audit.list-events',
  SignUp: 'accounts.sign-up',
  GetEmailVerification: 'accounts.get-email-verification',
  VerifyEmail: 'accounts.verify-email',
  IssueVerificationLinks: 'accounts.issue-verification-links',
  ListInvitations: 'invitations.list',
  GetInvitation: 'invitations.get',
  InviteByAccountName: 'invitations.invite-by-account-name',
  ResendInvitation: 'invitations.resend',
  CancelInvitation: 'invitations.cancel',
  ListReceivedInvitations: 'invitations.list-received',
  GetReceivedInvitation: 'invitations.get-received',
  AcceptInvitation: 'invitations.accept',
  DeclineInvitation: 'invitations.decline',
  LeaveOrganization: 'members.leave',
  DeletePersonalAccount: 'accounts.delete-personal',
} as const;

export type MembersRpcPattern = (typeof MembersRpc)[keyof typeof MembersRpc];

export interface PingReply {
  service: 'members';
  role: string;
  time: string;
}

/** Compiles only when every pattern of `MembersRpc` has its request and reply, and nothing else is listed. */
type EveryMembersRpcPattern<T extends { [P in MembersRpcPattern]: { request: object; reply: unknown } } & Record<Exclude<keyof T, MembersRpcPattern>, never>> = T;

/**
 * What each pattern takes and answers: the members service's `@MessagePattern` handlers accept
 * the request (validated on receipt) and resolve to the reply; `MembersRpcClient.send` is typed by it.
 */
export type MembersRpcContract = EveryMembersRpcPattern<{
  [MembersRpc.Ping]: { request: Record<string, never>; reply: PingReply };
  [MembersRpc.VerifyAdmin]: { request: AdminCredentials; reply: AdminIdentity };
  [MembersRpc.CreateEmailBatch]: { request: CreateEmailBatchCommand; reply: MemberBatchView };
  [MembersRpc.CreateUploadBatch]: { request: CreateUploadBatchCommand; reply: MemberBatchView };
  [MembersRpc.BatchErrorRows]: { request: BatchErrorRowsCommand; reply: BatchErrorRowsPage };
  [MembersRpc.GetBatch]: { request: BatchCommand; reply: MemberBatchView };
  [MembersRpc.ListBatches]: { request: ListBatchesCommand; reply: Page<MemberBatchView> };
  [MembersRpc.ListBatchRows]: { request: ListBatchRowsCommand; reply: Page<BatchRowView> };
  [MembersRpc.UpdateBatchRow]: { request: UpdateBatchRowCommand; reply: BatchRowView };
  [MembersRpc.CommitBatch]: { request: BatchCommand; reply: MemberBatchView };
  [MembersRpc.ListMembers]: { request: ListMembersCommand; reply: Page<MemberAccountView> };
  [MembersRpc.GetMember]: { request: MemberCommand; reply: MemberDetailView };
  [MembersRpc.ResendActivationEmail]: { request: MemberCommand; reply: ActivationEmailQueued };
  [MembersRpc.IssueActivationLinks]: { request: IssueActivationLinksCommand; reply: IssuedActivationLinks };
  [MembersRpc.GetActivation]: { request: ActivationTokenQuery; reply: ActivationDetails };
  [MembersRpc.Activate]: { request: ActivateAccountCommand; reply: ActivationDetails };
  [MembersRpc.VerifyMember]: { request: MemberCredentials; reply: MemberIdentity };
  [MembersRpc.ChangeMemberPassword]: { request: ChangeMemberPasswordCommand; reply: MemberIdentity };
  [MembersRpc.GetMemberSession]: { request: MemberSessionQuery; reply: MemberAccountView };
  [MembersRpc.GetBatchSummary]: { request: BatchSummaryQuery; reply: BatchSummaryRecipient };
  [MembersRpc.SuspendMember]: { request: MemberCommand; reply: MemberDetailView };
  [MembersRpc.ReactivateMember]: { request: MemberCommand; reply: MemberDetailView };
  [MembersRpc.DeleteMember]: { request: MemberCommand; reply: DeletedMember };
  [MembersRpc.ListAuditEvents]: { request: ListAuditEventsCommand; reply: Page<AuditEventView> };
  [MembersRpc.SignUp]: { request: SignUpCommand; reply: SignUpAccepted };
  [MembersRpc.GetEmailVerification]: { request: EmailVerificationQuery; reply: EmailVerificationDetails };
  [MembersRpc.VerifyEmail]: { request: EmailVerificationQuery; reply: EmailVerificationDetails };
  [MembersRpc.IssueVerificationLinks]: { request: IssueVerificationLinksCommand; reply: IssuedVerificationLinks };
  [MembersRpc.ListInvitations]: { request: ListInvitationsCommand; reply: Page<InvitationView> };
  [MembersRpc.GetInvitation]: { request: InvitationCommand; reply: InvitationView };
  [MembersRpc.InviteByAccountName]: { request: InviteByAccountNameCommand; reply: InvitationView };
  [MembersRpc.ResendInvitation]: { request: InvitationCommand; reply: InvitationView };
  [MembersRpc.CancelInvitation]: { request: InvitationCommand; reply: InvitationView };
  [MembersRpc.ListReceivedInvitations]: { request: PersonCommand; reply: { items: ReceivedInvitationView[] } };
  [MembersRpc.GetReceivedInvitation]: { request: PersonInvitationCommand; reply: ReceivedInvitationView };
  /** Answers the member's new identity: the gateway issues a token for the organization joined. */
  [MembersRpc.AcceptInvitation]: { request: PersonInvitationCommand; reply: MemberIdentity };
  [MembersRpc.DeclineInvitation]: { request: PersonInvitationCommand; reply: ReceivedInvitationView };
  /** Answers the person's identity in no organization: the gateway issues a token for it. */
  [MembersRpc.LeaveOrganization]: { request: PersonCommand; reply: MemberIdentity };
  [MembersRpc.DeletePersonalAccount]: { request: DeletePersonalAccountCommand; reply: DeletedMember };
}>;
