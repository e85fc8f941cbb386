import { AUDIT_ACTIONS, type AuditAction, type AuditEventsQuery } from '@app/contracts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The Activity page's filters as typed in its address; anything malformed is no filter. */
export interface ActivityFilters {
  action: AuditAction | '';
  /** Days (`YYYY-MM-DD`, UTC) as the date fields send them. */
  from: string;
  to: string;
  actorId: string;
  objectId: string;
}

function day(value: unknown): string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : '';
}

function id(value: unknown): string {
  return typeof value === 'string' && UUID_V4.test(value) ? value.toLowerCase() : '';
}

export function activityFilters(query: Record<string, unknown>): ActivityFilters {
  return {
    action: AUDIT_ACTIONS.find((action) => action === query.action) ?? '',
    from: day(query.from),
    to: day(query.to),
    actorId: id(query.actorId),
    objectId: id(query.objectId),
  };
}

/** The audit log's query for these filters: whole UTC days, `to` included. */
export function auditQueryOf(filters: ActivityFilters): Omit<AuditEventsQuery, 'page' | 'limit'> {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: `${filters.from}T00:00:00.000Z` } : {}),
    ...(filters.to ? { to: `${filters.to}T23:59:59.999Z` } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.objectId ? { objectId: filters.objectId } : {}),
  };
}
