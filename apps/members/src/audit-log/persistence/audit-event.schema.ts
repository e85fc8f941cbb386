import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AuditAction, AuditActorType, AuditDetails, AuditObjectType } from '@app/contracts';
import type { AuditRecord } from '../audit-record';

/** An audit event as `audit_events` stores it; see AuditRecord. Inserted once, never updated. */
@Schema({ collection: 'audit_events', versionKey: false })
export class AuditEventDocument implements AuditRecord {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  action: AuditAction;

  @Prop({ required: true })
  at: Date;

  @Prop({ type: String, default: null })
  organizationId: string | null;

  @Prop({ type: String, required: true })
  actorType: AuditActorType;

  @Prop({ type: String, default: null })
  actorId: string | null;

  @Prop({ type: String, default: null })
  actorLogin: string | null;

  @Prop({ type: String, default: null })
  objectType: AuditObjectType | null;

  @Prop({ type: String, default: null })
  objectId: string | null;

  @Prop({ type: String, default: null })
  sourceAddress: string | null;

  @Prop({ type: String, default: null })
  requestId: string | null;

  @Prop({ type: Object, default: {} })
  details: AuditDetails;

  @Prop({ required: true })
  recordedAt: Date;
}

export const AuditEventSchema = SchemaFactory.createForClass(AuditEventDocument);
// One index per shape of `GET /api/v1/audit-events` (on MongoDB; FerretDB reads every document anyway):
// the organization's events newest first, optionally from/to, and the same by actor, action or object.
AuditEventSchema.index({ organizationId: 1, at: -1, _id: -1 });
AuditEventSchema.index({ organizationId: 1, actorId: 1, at: -1, _id: -1 });
AuditEventSchema.index({ organizationId: 1, action: 1, at: -1, _id: -1 });
AuditEventSchema.index({ organizationId: 1, objectId: 1, at: -1, _id: -1 });
// The retention sweep: events older than AUDIT_RETENTION_DAYS, whatever their organization.
AuditEventSchema.index({ at: 1 });

