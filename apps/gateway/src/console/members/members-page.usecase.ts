import { Injectable } from '@nestjs/common';
import { ACCOUNT_STATUSES, type AccountStatus, type AccountType, MEMBER_TYPE_FILTERS, type MemberAccountView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import type { ConsoleMessageKey } from '../pages/console-messages';
import { listHref, pageNumber, pagingView, type PagingView } from '../pages/paging';

const MEMBERS_PER_PAGE = 50;
/** An account name, as a deleted member's notice carries it back in the address. */
const ACCOUNT_NAME = /^[a-z][a-z0-9._-]{5,31}$/;

/** What the page says after an action, by the query parameter the action came back with. */
export const MEMBER_NOTICES = ['suspended', 'reactivated', 'deleted', 'removed', 'changed'] as const;
export type MemberNotice = (typeof MEMBER_NOTICES)[number];

export interface MembersPageQuery {
  q?: unknown;
  status?: unknown;
  type?: unknown;
  page?: unknown;
  resent?: unknown;
  /** After an action: what happened (`MemberNotice`) and to which account name. */
  done?: unknown;
  name?: unknown;
}

type MemberRow = MemberAccountView & {
  pending: boolean;
  suspended: boolean;
  fullName: string;
  resendHref: string;
  suspensionHref: string;
  reactivationHref: string;
  deletionHref: string;
  removalHref: string;
  historyHref: string;
};

export interface MembersPageView {
  q: string;
  status: AccountStatus | '';
  statuses: { value: AccountStatus; selected: boolean }[];
  types: { value: AccountType; selected: boolean }[];
  total: number;
  filtered: boolean;
  members: MemberRow[];
  paging: PagingView;
  resentEmail: string | null;
  notice: { key: ConsoleMessageKey; accountName: string } | null;
  returnTo: string;
}

/** All members: one page of the organization's members (business accounts and personal accounts that joined), searched and filtered by the members service. */
@Injectable()
export class MembersPageUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, query: MembersPageQuery): Promise<MembersPageView> {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const status = ACCOUNT_STATUSES.find((candidate) => candidate === query.status);
    const type = MEMBER_TYPE_FILTERS.find((candidate) => candidate === query.type);
    const page = pageNumber(query.page);
    const filters = { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(type ? { type } : {}) };
    const result = await this.members.send(MembersRpc.ListMembers, { ...admin, query: { page, limit: MEMBERS_PER_PAGE, ...filters } });
    const listQuery = { q, status, type };
    const paging = pagingView('/console/members', listQuery, page, MEMBERS_PER_PAGE, result.total);
    const resent = result.items.find((member) => member.id === query.resent);
    return {
      q,
      status: status ?? '',
      statuses: ACCOUNT_STATUSES.map((value) => ({ value, selected: value === status })),
      types: MEMBER_TYPE_FILTERS.map((value) => ({ value, selected: value === type })),
      total: result.total,
      filtered: Boolean(q || status || type),
      members: result.items.map((member) => ({
        ...member,
        pending: member.status === 'pending_activation',
        suspended: member.status === 'suspended',
        fullName: [member.firstName, member.lastName].filter(Boolean).join(' '),
        resendHref: `/console/members/${member.id}/activation-email`,
        suspensionHref: `/console/members/${member.id}/suspension`,
        reactivationHref: `/console/members/${member.id}/reactivation`,
        deletionHref: `/console/members/${member.id}/deletion`,
        removalHref: `/console/members/${member.id}/removal`,
        historyHref: `/console/members/${member.id}/history`,
      })),
      paging,
      resentEmail: resent?.email ?? null,
      notice: noticeOf(query),
      returnTo: listHref('/console/members', listQuery, page),
    };
  }
}

function noticeOf(query: MembersPageQuery): MembersPageView['notice'] {
  const done = MEMBER_NOTICES.find((candidate) => candidate === query.done);
  if (done === 'changed') return { key: 'members.changedMeanwhile', accountName: '' };
  if (!done || typeof query.name !== 'string' || !ACCOUNT_NAME.test(query.name)) return null;
  const keys: Record<MemberNotice, ConsoleMessageKey> = {
    suspended: 'members.suspended',
    reactivated: 'members.reactivated',
    deleted: 'members.deleted',
    removed: 'members.removed',
    changed: 'members.changedMeanwhile',
  };
  return { key: keys[done], accountName: query.name };
}
