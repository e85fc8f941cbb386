import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  AUDIT_OBJECT_TYPES,
  AUDIT_REFUSALS,
  AUDITED_ROW_FIELDS,
  type AuditAction,
  type AuditActorType,
  type AuditEventView,
  type AuditObjectType,
  type AuditRefusal,
} from '@app/contracts';

class AuditActorResponse {
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES, description: '`anonymous`: nobody proven yet (a refused sign-in)' })
  type: AuditActorType;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The admin or member; null when anonymous' })
  id: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'On a refused sign-in, the email or account name typed when it names an account; null otherwise (what was typed may be a password)',
  })
  login: string | null;
}

class AuditObjectResponse {
  @ApiProperty({ enum: AUDIT_OBJECT_TYPES })
  type: AuditObjectType;

  @ApiProperty({ format: 'uuid' })
  id: string;
}

class AuditDetailsResponse {
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', enum: [...AUDITED_ROW_FIELDS] }, description: 'A row edit: the fields changed (never their values)' })
  changedFields?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'A row edit: the row’s batch' })
  batchId?: string;

  @ApiPropertyOptional({ enum: ['typed_emails', 'file'], description: 'A batch created: from typed addresses or a file' })
  source?: 'typed_emails' | 'file';

  @ApiPropertyOptional({ enum: AUDIT_REFUSALS, description: 'A refused sign-in or password change: why' })
  refusal?: AuditRefusal;
}

/** One audit event, as `GET /api/v1/audit-events` lists it. */
export class AuditEventResponse implements AuditEventView {
  @ApiProperty({ description: 'Unique; a UUID, or `<action>:<object id>` for what happens once per object' })
  id: string;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ type: AuditActorResponse })
  actor: AuditActorResponse;

  @ApiProperty({ type: AuditObjectResponse, nullable: true, description: 'What the action was about; null for a refused sign-in whose login named no account' })
  object: AuditObjectResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'The client’s address' })
  sourceAddress: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The request’s `X-Request-Id`' })
  requestId: string | null;

  @ApiProperty({ type: AuditDetailsResponse })
  details: AuditDetailsResponse;
}
