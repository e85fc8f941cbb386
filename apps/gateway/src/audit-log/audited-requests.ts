import { AUDIT_REFUSALS, AUDITED_ROW_FIELDS, type AuditEventMessage, type AuditRefusal, MembersRpc, type MembersRpcContract } from '@app/contracts';
import type { SettledMembersRequest } from '@app/messaging';
import { ApiException } from '../http/api.exception';

/** An audit event as the gateway knows it; the audit trail adds when, from where and the request id. */
export type AuditedAction = Omit<AuditEventMessage, 'id' | 'at' | 'sourceAddress' | 'requestId'> & {
  /** A natural id for an event that happens once per object (a batch created); else a new one each time. */
  id?: string;
};

/** What an admin does to one member, by the request that does it. */
const MEMBER_ACTIONS = {
  [MembersRpc.ResendActivationEmail]: 'member.activation_email_resent',
  [MembersRpc.SuspendMember]: 'member.suspended',
  [MembersRpc.ReactivateMember]: 'member.reactivated',
} as const;

/** What an admin does to one invitation, by the request that does it. */
const INVITATION_ACTIONS = {
  [MembersRpc.InviteByAccountName]: 'invitation.sent',
  [MembersRpc.ResendInvitation]: 'invitation.resent',
  [MembersRpc.CancelInvitation]: 'invitation.cancelled',
} as const;

type Request<P extends keyof MembersRpcContract> = MembersRpcContract[P]['request'];
type Reply<P extends keyof MembersRpcContract> = MembersRpcContract[P]['reply'];

function refusalOf(error: Error | undefined): AuditRefusal | null {
  if (!(error instanceof ApiException)) return null;
  const body = error.getResponse();
  const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
  return AUDIT_REFUSALS.find((refusal) => refusal === code) ?? null;
}

/** A password check that was refused: failed, or locked out. Other failures (a broker away, bad input) checked nothing. */
function refusedSignIn(
  settled: SettledMembersRequest,
  typedLogin: string,
  actions: { failed: AuditedAction['action']; lockedOut: AuditedAction['action'] },
): AuditedAction | null {
  const refusal = refusalOf(settled.error);
  if (!refusal) return null;
  return {
    action: refusal === 'too_many_attempts' ? actions.lockedOut : actions.failed,
    organizationId: null,
    actor: { type: 'anonymous', id: null },
    typedLogin,
    object: null,
    details: { refusal },
  };
}

/**
 * Which requests to the members service are audited, and as what: every admin action and every
 * security event goes through one of them, from the API and the console alike. Answers null for
 * what is not audited (reads, failures that changed nothing). Never copies a password, a token or
 * a value typed in a row: a row edit names the fields changed.
 */
export function auditedAction(settled: SettledMembersRequest): AuditedAction | null {
  switch (settled.pattern) {
    case MembersRpc.VerifyAdmin: {
      const request = settled.request as Request<typeof MembersRpc.VerifyAdmin>;
      if (settled.error) return refusedSignIn(settled, request.email, { failed: 'admin.sign_in_failed', lockedOut: 'admin.locked_out' });
      const admin = settled.reply as Reply<typeof MembersRpc.VerifyAdmin>;
      return { action: 'admin.signed_in', organizationId: admin.organizationId, actor: { type: 'admin', id: admin.adminId }, object: { type: 'admin', id: admin.adminId }, details: {} };
    }
    case MembersRpc.VerifyMember: {
      const request = settled.request as Request<typeof MembersRpc.VerifyMember>;
      if (settled.error) return refusedSignIn(settled, request.login, { failed: 'member.sign_in_failed', lockedOut: 'member.locked_out' });
      const member = settled.reply as Reply<typeof MembersRpc.VerifyMember>;
      return { action: 'member.signed_in', organizationId: member.organizationId, actor: { type: 'member', id: member.memberId }, object: { type: 'member', id: member.memberId }, details: {} };
    }
    case MembersRpc.ChangeMemberPassword: {
      const request = settled.request as Request<typeof MembersRpc.ChangeMemberPassword>;
      if (settled.error) return refusedSignIn(settled, request.login, { failed: 'member.password_change_failed', lockedOut: 'member.locked_out' });
      const member = settled.reply as Reply<typeof MembersRpc.ChangeMemberPassword>;
      return { action: 'member.password_changed', organizationId: member.organizationId, actor: { type: 'member', id: member.memberId }, object: { type: 'member', id: member.memberId }, details: {} };
    }
    case MembersRpc.Activate: {
      if (settled.error) return null;
      const member = settled.reply as Reply<typeof MembersRpc.Activate>;
      // The gateway does not know the member's organization here; the audit log finds it.
      return { action: 'member.activated', organizationId: null, actor: { type: 'member', id: member.memberId }, object: { type: 'member', id: member.memberId }, details: {} };
    }
    case MembersRpc.CreateEmailBatch:
    case MembersRpc.CreateUploadBatch: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.CreateEmailBatch>;
      const batch = settled.reply as Reply<typeof MembersRpc.CreateEmailBatch>;
      return {
        // The same Idempotency-Key answers the same batch: recorded once.
        id: `batch.created:${batch.id}`,
        action: 'batch.created',
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'batch', id: batch.id },
        details: { source: settled.pattern === MembersRpc.CreateUploadBatch ? 'file' : 'typed_emails' },
      };
    }
    case MembersRpc.UpdateBatchRow: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.UpdateBatchRow>;
      const patch = request.patch as Record<string, unknown>;
      return {
        action: 'batch.row_edited',
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'batch_row', id: request.rowId },
        details: { batchId: request.batchId, changedFields: AUDITED_ROW_FIELDS.filter((field) => patch[field] !== undefined) },
      };
    }
    case MembersRpc.CommitBatch: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.CommitBatch>;
      return {
        // Committing again is safe and changes nothing: recorded once.
        id: `batch.committed:${request.batchId}`,
        action: 'batch.committed',
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'batch', id: request.batchId },
        details: {},
      };
    }
    case MembersRpc.DeleteMember: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.DeleteMember>;
      const outcome = (settled.reply as Reply<typeof MembersRpc.DeleteMember>).outcome;
      return {
        // A personal member leaves the organization with its account; a business account is gone.
        action: outcome === 'removed_from_organization' ? 'member.removed' : 'member.deleted',
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'member', id: request.memberId },
        details: {},
      };
    }
    case MembersRpc.InviteByAccountName:
    case MembersRpc.ResendInvitation:
    case MembersRpc.CancelInvitation: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.InviteByAccountName>;
      const invitation = settled.reply as Reply<typeof MembersRpc.InviteByAccountName>;
      return {
        action: INVITATION_ACTIONS[settled.pattern],
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'invitation', id: invitation.id },
        details: {},
      };
    }
    case MembersRpc.AcceptInvitation: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.AcceptInvitation>;
      const member = settled.reply as Reply<typeof MembersRpc.AcceptInvitation>;
      return {
        id: `invitation.accepted:${request.invitationId}`,
        action: 'invitation.accepted',
        organizationId: member.organizationId,
        actor: { type: 'member', id: request.memberId },
        object: { type: 'invitation', id: request.invitationId },
        details: {},
      };
    }
    case MembersRpc.DeclineInvitation: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.DeclineInvitation>;
      const invitation = settled.reply as Reply<typeof MembersRpc.DeclineInvitation>;
      return {
        id: `invitation.declined:${request.invitationId}`,
        action: 'invitation.declined',
        organizationId: invitation.organizationId ?? null,
        actor: { type: 'member', id: request.memberId },
        object: { type: 'invitation', id: request.invitationId },
        details: {},
      };
    }
    case MembersRpc.ResendActivationEmail:
    case MembersRpc.SuspendMember:
    case MembersRpc.ReactivateMember: {
      if (settled.error) return null;
      const request = settled.request as Request<typeof MembersRpc.ResendActivationEmail>;
      return {
        action: MEMBER_ACTIONS[settled.pattern],
        organizationId: request.organizationId,
        actor: { type: 'admin', id: request.adminId },
        object: { type: 'member', id: request.memberId },
        details: {},
      };
    }
    default:
      return null;
  }
}
