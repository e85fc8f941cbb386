import type { AuditAction, AuditEventsQuery } from '@app/contracts';

/** The filter of one page of an organization's audit events; each shape has its index (audit-event.schema.ts). */
export interface AuditEventsFilter {
  organizationId: string;
  actorId?: string;
  action?: AuditAction;
  objectId?: string;
  at?: { $gte?: Date; $lte?: Date };
}

/** An admin's filters, always within their organization; `from` and `to` both included. */
export function auditEventsFilter(organizationId: string, query: Omit<AuditEventsQuery, 'page' | 'limit'>): AuditEventsFilter {
  const filter: AuditEventsFilter = { organizationId };
  if (query.actorId) filter.actorId = query.actorId.toLowerCase();
  if (query.action) filter.action = query.action;
  if (query.objectId) filter.objectId = query.objectId.toLowerCase();
  if (query.from || query.to) {
    filter.at = {};
    if (query.from) filter.at.$gte = new Date(query.from);
    if (query.to) filter.at.$lte = new Date(query.to);
  }
  return filter;
}

/** Before this instant, events are past `AUDIT_RETENTION_DAYS` and go away. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
}
