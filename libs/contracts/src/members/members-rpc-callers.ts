import { MembersRpc, type MembersRpcPattern } from './members-rpc';

/** The services that may ask the members service something, each under its own broker user. */
export type MembersRpcCaller = 'gateway' | 'notifications';

/**
 * Who may ask for what: the members service answers a request only from the broker user of the
 * service named here (RabbitMQ vouches for the request's `user_id`). Links are issued to the
 * notifications service alone, which mails them; everything an admin or a member does comes
 * through the gateway. A new pattern does not compile until it is given its caller.
 */
export const MEMBERS_RPC_CALLERS: Readonly<Record<MembersRpcPattern, MembersRpcCaller>> = {
  [MembersRpc.Ping]: 'gateway',
  [MembersRpc.VerifyAdmin]: 'gateway',
  [MembersRpc.CreateEmailBatch]: 'gateway',
  [MembersRpc.CreateUploadBatch]: 'gateway',
  [MembersRpc.BatchErrorRows]: 'gateway',
  [MembersRpc.GetBatch]: 'gateway',
  [MembersRpc.ListBatches]: 'gateway',
  [MembersRpc.ListBatchRows]: 'gateway',
  [MembersRpc.UpdateBatchRow]: 'gateway',
  [MembersRpc.CommitBatch]: 'gateway',
  [MembersRpc.ListMembers]: 'gateway',
  [MembersRpc.GetMember]: 'gateway',
  [MembersRpc.ResendActivationEmail]: 'gateway',
  [MembersRpc.IssueActivationLinks]: 'notifications',
  [MembersRpc.GetActivation]: 'gateway',
  [MembersRpc.Activate]: 'gateway',
  [MembersRpc.VerifyMember]: 'gateway',
  [MembersRpc.ChangeMemberPassword]: 'gateway',
  [MembersRpc.GetMemberSession]: 'gateway',
  [MembersRpc.GetBatchSummary]: 'notifications',
  [MembersRpc.SuspendMember]: 'gateway',
  [MembersRpc.ReactivateMember]: 'gateway',
  [MembersRpc.DeleteMember]: 'gateway',
  [MembersRpc.ListAuditEvents]: 'gateway',
  [MembersRpc.SignUp]: 'gateway',
  [MembersRpc.GetEmailVerification]: 'gateway',
  [MembersRpc.VerifyEmail]: 'gateway',
  [MembersRpc.IssueVerificationLinks]: 'notifications',
  [MembersRpc.ListInvitations]: 'gateway',
  [MembersRpc.GetInvitation]: 'gateway',
  [MembersRpc.InviteByAccountName]: 'gateway',
  [MembersRpc.ResendInvitation]: 'gateway',
  [MembersRpc.CancelInvitation]: 'gateway',
  [MembersRpc.ListReceivedInvitations]: 'gateway',
  [MembersRpc.GetReceivedInvitation]: 'gateway',
  [MembersRpc.AcceptInvitation]: 'gateway',
  [MembersRpc.DeclineInvitation]: 'gateway',
  [MembersRpc.LeaveOrganization]: 'gateway',
  [MembersRpc.DeletePersonalAccount]: 'gateway',
};
