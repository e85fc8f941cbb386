import { ErrorCode, MembersRpc } from '@app/contracts';
import type { SettledMembersRequest } from '@app/messaging';
import { ApiException } from '../http/api.exception';
import { auditedAction } from './audited-requests';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';
const adminId = '2f0c5c1e-8a2d-4a8e-9f10-3c4d5e6f7a8b';
const memberId = '5d3e2c1b-4a59-4b68-8c7d-6e5f4a3b2c1d';
const batchId = '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a';
const rowId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const invitationId = '3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c';
const admin = { organizationId, adminId };

const refused = (code: ErrorCode, status: number) => new ApiException(status, code, 'refused');

describe('auditedAction', () => {
  it.each<[string, SettledMembersRequest, object | null]>([
    [
      'an admin signed in',
      { pattern: MembersRpc.VerifyAdmin, request: { email: 'a@x.example', password: 'Secret-Password-1' }, reply: { adminId, organizationId, email: 'a@x.example', locale: 'en' } },
      { action: 'admin.signed_in', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'admin', id: adminId }, details: {} },
    ],
    [
      'an admin sign-in refused: the login goes on for the audit log to judge, never the password',
      { pattern: MembersRpc.VerifyAdmin, request: { email: 'A@x.example', password: 'Secret-Password-1' }, error: refused(ErrorCode.InvalidCredentials, 401) },
      { action: 'admin.sign_in_failed', organizationId: null, actor: { type: 'anonymous', id: null }, typedLogin: 'A@x.example', object: null, details: { refusal: 'invalid_credentials' } },
    ],
    [
      'an admin locked out',
      { pattern: MembersRpc.VerifyAdmin, request: { email: 'a@x.example', password: 'p' }, error: refused(ErrorCode.TooManyAttempts, 429) },
      { action: 'admin.locked_out', organizationId: null, actor: { type: 'anonymous', id: null }, typedLogin: 'a@x.example', object: null, details: { refusal: 'too_many_attempts' } },
    ],
    ['a sign-in that checked nothing (members service away)', { pattern: MembersRpc.VerifyAdmin, request: { email: 'a@x.example', password: 'p' }, error: refused(ErrorCode.ServiceUnavailable, 503) }, null],
    [
      'a member signed in',
      { pattern: MembersRpc.VerifyMember, request: { login: 'jane', password: 'p' }, reply: { memberId, organizationId, accountName: 'jane', mustChangePassword: false, sessionVersion: 1 } },
      { action: 'member.signed_in', organizationId, actor: { type: 'member', id: memberId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a member who must first change the admin’s password',
      { pattern: MembersRpc.VerifyMember, request: { login: 'jane', password: 'p' }, error: refused(ErrorCode.PasswordChangeRequired, 403) },
      { action: 'member.sign_in_failed', organizationId: null, actor: { type: 'anonymous', id: null }, typedLogin: 'jane', object: null, details: { refusal: 'password_change_required' } },
    ],
    [
      'a member’s password changed',
      { pattern: MembersRpc.ChangeMemberPassword, request: { login: 'jane', password: 'p', newPassword: 'q' }, reply: { memberId, organizationId, accountName: 'jane', mustChangePassword: false, sessionVersion: 2 } },
      { action: 'member.password_changed', organizationId, actor: { type: 'member', id: memberId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a password change refused',
      { pattern: MembersRpc.ChangeMemberPassword, request: { login: 'jane', password: 'p', newPassword: 'q' }, error: refused(ErrorCode.InvalidCredentials, 401) },
      { action: 'member.password_change_failed', organizationId: null, actor: { type: 'anonymous', id: null }, typedLogin: 'jane', object: null, details: { refusal: 'invalid_credentials' } },
    ],
    ['a weak new password (the current one was right): not a security event', { pattern: MembersRpc.ChangeMemberPassword, request: { login: 'jane', password: 'p', newPassword: 'q' }, error: refused(ErrorCode.WeakPassword, 422) }, null],
    [
      'a member activated by their link: no token recorded',
      { pattern: MembersRpc.Activate, request: { token: 'secret-token', password: 'p' }, reply: { memberId, accountName: 'jane', email: 'j@x.example', firstName: null, lastName: null, organizationName: 'X', locale: 'en' } },
      { action: 'member.activated', organizationId: null, actor: { type: 'member', id: memberId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a batch of typed addresses: one record per batch, whatever its size',
      { pattern: MembersRpc.CreateEmailBatch, request: { ...admin, emails: 'a@x.example' }, reply: { id: batchId } },
      { id: `batch.created:${batchId}`, action: 'batch.created', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'batch', id: batchId }, details: { source: 'typed_emails' } },
    ],
    [
      'a batch from a file',
      { pattern: MembersRpc.CreateUploadBatch, request: { ...admin, uploadId: 'u', fileName: 'f.csv', sha256: 'h' }, reply: { id: batchId } },
      { id: `batch.created:${batchId}`, action: 'batch.created', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'batch', id: batchId }, details: { source: 'file' } },
    ],
    [
      'a row edited: the fields’ names, never the password',
      { pattern: MembersRpc.UpdateBatchRow, request: { ...admin, batchId, rowId, patch: { password: 'Secret-Password-1', firstName: 'Jane', lastName: undefined } }, reply: {} },
      { action: 'batch.row_edited', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'batch_row', id: rowId }, details: { batchId, changedFields: ['firstName', 'password'] } },
    ],
    [
      'a commit, once per batch',
      { pattern: MembersRpc.CommitBatch, request: { ...admin, batchId }, reply: { id: batchId } },
      { id: `batch.committed:${batchId}`, action: 'batch.committed', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'batch', id: batchId }, details: {} },
    ],
    [
      'an activation email resent',
      { pattern: MembersRpc.ResendActivationEmail, request: { ...admin, memberId }, reply: { queued: true } },
      { action: 'member.activation_email_resent', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a member suspended',
      { pattern: MembersRpc.SuspendMember, request: { ...admin, memberId }, reply: {} },
      { action: 'member.suspended', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a member reactivated',
      { pattern: MembersRpc.ReactivateMember, request: { ...admin, memberId }, reply: {} },
      { action: 'member.reactivated', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a member deleted',
      { pattern: MembersRpc.DeleteMember, request: { ...admin, memberId }, reply: { id: memberId, accountName: 'jane', outcome: 'account_deleted' } },
      { action: 'member.deleted', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a personal member removed from the organization (its account stays)',
      { pattern: MembersRpc.DeleteMember, request: { ...admin, memberId }, reply: { id: memberId, accountName: 'jane', outcome: 'removed_from_organization' } },
      { action: 'member.removed', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'member', id: memberId }, details: {} },
    ],
    [
      'a personal account invited by its account name',
      { pattern: MembersRpc.InviteByAccountName, request: { ...admin, accountName: 'jane.doe' }, reply: { id: invitationId } },
      { action: 'invitation.sent', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'invitation', id: invitationId }, details: {} },
    ],
    [
      'an invitation mail resent',
      { pattern: MembersRpc.ResendInvitation, request: { ...admin, invitationId }, reply: { id: invitationId } },
      { action: 'invitation.resent', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'invitation', id: invitationId }, details: {} },
    ],
    [
      'an invitation cancelled',
      { pattern: MembersRpc.CancelInvitation, request: { ...admin, invitationId }, reply: { id: invitationId } },
      { action: 'invitation.cancelled', organizationId, actor: { type: 'admin', id: adminId }, object: { type: 'invitation', id: invitationId }, details: {} },
    ],
    ['an invitation refused (already pending)', { pattern: MembersRpc.InviteByAccountName, request: { ...admin, accountName: 'jane.doe' }, error: refused(ErrorCode.InvitationPending, 409) }, null],
    [
      'an invitation accepted: in the organization joined, once per invitation',
      { pattern: MembersRpc.AcceptInvitation, request: { memberId, invitationId }, reply: { memberId, organizationId, accountName: 'jane', mustChangePassword: false, sessionVersion: 3 } },
      { id: `invitation.accepted:${invitationId}`, action: 'invitation.accepted', organizationId, actor: { type: 'member', id: memberId }, object: { type: 'invitation', id: invitationId }, details: {} },
    ],
    [
      'an invitation declined: in the inviting organization’s log',
      { pattern: MembersRpc.DeclineInvitation, request: { memberId, invitationId }, reply: { id: invitationId, organizationId, organizationName: 'Contoso', accountName: 'jane', status: 'declined' } },
      { id: `invitation.declined:${invitationId}`, action: 'invitation.declined', organizationId, actor: { type: 'member', id: memberId }, object: { type: 'invitation', id: invitationId }, details: {} },
    ],
    ['an acceptance refused (expired)', { pattern: MembersRpc.AcceptInvitation, request: { memberId, invitationId }, error: refused(ErrorCode.InvitationExpired, 410) }, null],
    ['a refused commit', { pattern: MembersRpc.CommitBatch, request: { ...admin, batchId }, error: refused(ErrorCode.BatchNotReady, 409) }, null],
    ['a read', { pattern: MembersRpc.ListMembers, request: { ...admin, query: {} }, reply: { items: [] } }, null],
  ])('%s', (_case, settled, expected) => {
    expect(auditedAction(settled)).toEqual(expected);
  });

  it('never carries a password, a new password or a token', () => {
    const secrets = ['Secret-Password-1', 'New-Secret-Password-2', 'secret-token'];
    const events = [
      auditedAction({ pattern: MembersRpc.ChangeMemberPassword, request: { login: 'jane', password: secrets[0], newPassword: secrets[1] }, error: refused(ErrorCode.InvalidCredentials, 401) }),
      auditedAction({ pattern: MembersRpc.UpdateBatchRow, request: { ...admin, batchId, rowId, patch: { password: secrets[0] } }, reply: {} }),
      auditedAction({ pattern: MembersRpc.Activate, request: { token: secrets[2], password: secrets[0] }, reply: { memberId } }),
    ];
    for (const secret of secrets) expect(JSON.stringify(events)).not.toContain(secret);
  });
});
