import { Injectable } from '@nestjs/common';
import { AUDIT_ACTIONS, type AuditAction, type AuditEventView, type Locale, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { consoleMessage, type ConsoleMessageKey } from '../pages/console-messages';
import { pageNumber, pagingView, type PagingView } from '../pages/paging';
import { activityFilters, type ActivityFilters, auditQueryOf } from './activity-filters';

const EVENTS_PER_PAGE = 50;
const PATH = '/console/activity';

interface Party {
  /** `activity.actor.*` or `activity.object.*`, or `activity.you`. */
  key: string;
  /** The first characters of the id, enough to tell two apart on one page. */
  short: string;
  /** The page filtered on this party. */
  href: string | null;
}

export interface ActivityEventRow {
  id: string;
  at: string;
  action: AuditAction;
  actor: Party;
  object: Party | null;
  /** Said in the page's language: why a sign-in was refused, the login typed, the fields changed, the source. */
  details: string[];
  sourceAddress: string;
}

export interface ActivityPageView extends ActivityFilters {
  actions: { value: AuditAction; selected: boolean }[];
  total: number;
  filtered: boolean;
  events: ActivityEventRow[];
  paging: PagingView;
  only: { key: ConsoleMessageKey; party: string } | null;
}

/** The Activity page: one page of the organization's audit log, filtered as the address says. */
@Injectable()
export class ActivityPageUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, query: Record<string, unknown>, locale: Locale): Promise<ActivityPageView> {
    const filters = activityFilters(query);
    const page = pageNumber(query.page);
    const result = await this.members.send(MembersRpc.ListAuditEvents, { ...admin, query: { page, limit: EVENTS_PER_PAGE, ...auditQueryOf(filters) } });
    const { actorId, objectId, ...rest } = filters;
    const listQuery = { ...rest, actorId, objectId };
    const link = (name: 'actorId' | 'objectId', id: string) => `${PATH}?${name}=${id}`;
    const party = (kind: 'actor' | 'object', type: string, id: string | null, linkTo: 'actorId' | 'objectId'): Party => ({
      key: kind === 'actor' && id === admin.adminId ? 'activity.you' : `activity.${kind}.${type}`,
      short: id ? id.slice(0, 8) : '',
      href: id ? link(linkTo, id) : null,
    });
    const rows = result.items.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action,
      actor: party('actor', event.actor.type, event.actor.id, 'actorId'),
      object: event.object ? party('object', event.object.type, event.object.id, 'objectId') : null,
      details: detailsOf(event, locale),
      sourceAddress: event.sourceAddress ?? '',
    }));
    return {
      ...filters,
      actions: AUDIT_ACTIONS.map((value) => ({ value, selected: value === filters.action })),
      total: result.total,
      filtered: Object.values(filters).some(Boolean),
      events: rows,
      paging: pagingView(PATH, listQuery, page, EVENTS_PER_PAGE, result.total),
      only: actorId ? { key: 'activity.onlyActor', party: actorId.slice(0, 8) } : objectId ? { key: 'activity.onlyObject', party: objectId.slice(0, 8) } : null,
    };
  }
}

function detailsOf(event: AuditEventView, locale: Locale): string[] {
  const say = (key: ConsoleMessageKey, values?: Record<string, unknown>) => consoleMessage(locale, key, values);
  const details: string[] = [];
  if (event.details.refusal) details.push(say(`activity.refusal.${event.details.refusal}` as ConsoleMessageKey));
  if (event.actor.type === 'anonymous' && event.action !== 'member.activated') {
    details.push(event.actor.login ? say('activity.login', { login: event.actor.login }) : say('activity.loginUnknown'));
  }
  if (event.details.changedFields?.length) {
    details.push(say('activity.changed', { fields: event.details.changedFields.map((field) => say(`activity.field.${field}` as ConsoleMessageKey)).join(', ') }));
  }
  if (event.details.source) details.push(say(`activity.source.${event.details.source}` as ConsoleMessageKey));
  return details;
}
