import type { AuditAction, AuditActorType, AuditDetails, AuditEventView, AuditObjectType } from '@app/contracts';

/**
 * One audit event as the audit log keeps it: who (`actor*`), did what (`action`), to which object,
 * in which organization, when, from where. Written once, never updated; no secret in it.
 */
export interface AuditRecord {
  /** The event's id from its message: a message delivered twice is recorded once. */
  _id: string;
  action: AuditAction;
  at: Date;
  /** Null only for a refused sign-in whose login named no account: kept for operators, shown to no admin. */
  organizationId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  /** On a refused sign-in, the account identifier typed, only when it named an account. */
  actorLogin: string | null;
  objectType: AuditObjectType | null;
  objectId: string | null;
  sourceAddress: string | null;
  requestId: string | null;
  details: AuditDetails;
  recordedAt: Date;
}

export function auditEventView(record: AuditRecord): AuditEventView {
  return {
    id: record._id,
    action: record.action,
    at: record.at.toISOString(),
    organizationId: record.organizationId ?? '',
    actor: { type: record.actorType, id: record.actorId, login: record.actorLogin },
    object: record.objectType && record.objectId ? { type: record.objectType, id: record.objectId } : null,
    sourceAddress: record.sourceAddress,
    requestId: record.requestId,
    details: record.details ?? {},
  };
}
