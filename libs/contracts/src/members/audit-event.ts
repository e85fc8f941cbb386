import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from './pagination';
import { TenantScope } from './tenant-scope';

/** What the audit log records: every admin action and every security event, one name each. */
export const AUDIT_ACTIONS = [
  'admin.signed_in',
  'admin.sign_in_failed',
  'admin.locked_out',
  'member.signed_in',
  'member.sign_in_failed',
  'member.locked_out',
  'member.password_changed',
  'member.password_change_failed',
  'member.activated',
  'member.activation_email_resent',
  'member.suspended',
  'member.reactivated',
  'member.deleted',
  'batch.created',
  'batch.row_edited',
  'batch.committed',
  'invitation.sent',
  'invitation.resent',
  'invitation.cancelled',
  'invitation.accepted',
  'invitation.declined',
  'member.left',
  'member.removed',
  'member.personal_account_deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `anonymous`: nobody proven yet (a failed sign-in, a member following their activation link). */
export const AUDIT_ACTOR_TYPES = ['admin', 'member', 'anonymous'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_OBJECT_TYPES = ['admin', 'member', 'batch', 'batch_row', 'invitation'] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** Why a sign-in or password change was refused. */
export const AUDIT_REFUSALS = ['invalid_credentials', 'password_change_required', 'too_many_attempts'] as const;
export type AuditRefusal = (typeof AUDIT_REFUSALS)[number];

/** The fields of a row an admin may edit: a row edit records their names, never their values. */
export const AUDITED_ROW_FIELDS = ['accountName', 'firstName', 'lastName', 'password', 'addAnyway'] as const;

const ID = /^[A-Za-z0-9._:-]{1,200}$/;

export class AuditActor {
  @IsIn(AUDIT_ACTOR_TYPES)
  type: AuditActorType;

  @IsOptional()
  @IsUUID('4')
  id: string | null;
}

export class AuditObject {
  @IsIn(AUDIT_OBJECT_TYPES)
  type: AuditObjectType;

  @IsUUID('4')
  id: string;
}

/** What an event may say beyond who did what to which object: names and codes, never a value typed. */
export class AuditDetails {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUDITED_ROW_FIELDS.length)
  @IsIn(AUDITED_ROW_FIELDS, { each: true })
  changedFields?: string[];

  @IsOptional()
  @IsUUID('4')
  batchId?: string;

  @IsOptional()
  @IsIn(['typed_emails', 'file'])
  source?: 'typed_emails' | 'file';

  @IsOptional()
  @IsIn(AUDIT_REFUSALS)
  refusal?: AuditRefusal;
}

/**
 * An audit event as the gateway sends it to the members service (exchange `roster.audit`,
 * routing key `audit.event`), validated on receipt. `id` becomes the record's `_id`, so a message
 * delivered twice is recorded once.
 */
export class AuditEventMessage {
  @Matches(ID, { message: 'id must be 1 to 200 letters, digits or . _ : -' })
  id: string;

  @IsIn(AUDIT_ACTIONS)
  action: AuditAction;

  @IsISO8601({ strict: true })
  at: string;

  /** Null when the gateway cannot know it (a failed sign-in, an activation): the members service finds it. */
  @IsOptional()
  @IsUUID('4')
  organizationId: string | null;

  @ValidateNested()
  @Type(() => AuditActor)
  actor: AuditActor;

  /**
   * Only on a refused sign-in or password change: the login as typed. The members service keeps
   * it only if it names an account (else it may be a password typed in the wrong field) and never
   * stores it otherwise.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  typedLogin?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AuditObject)
  object: AuditObject | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  sourceAddress: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  requestId: string | null;

  @ValidateNested()
  @Type(() => AuditDetails)
  details: AuditDetails;
}

/** One record of the audit log, as `GET /api/v1/audit-events` answers it. */
export interface AuditEventView {
  id: string;
  action: AuditAction;
  at: string;
  organizationId: string;
  /** `login`: on a refused sign-in, the account identifier typed, when it named an account; else null. */
  actor: { type: AuditActorType; id: string | null; login: string | null };
  object: { type: AuditObjectType; id: string } | null;
  sourceAddress: string | null;
  requestId: string | null;
  details: { changedFields?: string[]; batchId?: string; source?: 'typed_emails' | 'file'; refusal?: AuditRefusal };
}

export class AuditEventsQuery extends PageQuery {
  @IsOptional()
  @IsUUID('4', { message: 'actorId must be the id of an admin or a member' })
  actorId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @IsOptional()
  @IsUUID('4', { message: 'objectId must be the id of a batch, a row, a member or an admin' })
  objectId?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date and time, e.g. 2026-01-31T00:00:00Z' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date and time, e.g. 2026-01-31T23:59:59Z' })
  to?: string;
}

export class ListAuditEventsCommand extends TenantScope {
  @ValidateNested()
  @Type(() => AuditEventsQuery)
  query: AuditEventsQuery;
}
