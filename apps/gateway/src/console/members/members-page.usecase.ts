import { Injectable } from '@nestjs/common';
import { ACCOUNT_STATUSES, type AccountStatus, type MemberAccountView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { listHref, pageNumber, pagingView, type PagingView } from '../pages/paging';

const MEMBERS_PER_PAGE = 50;

export interface MembersPageQuery {
  q?: unknown;
  status?: unknown;
  page?: unknown;
  resent?: unknown;
}

export interface MembersPageView {
  q: string;
  status: AccountStatus | '';
  statuses: { value: AccountStatus; selected: boolean }[];
  total: number;
  filtered: boolean;
  members: (MemberAccountView & { pending: boolean; fullName: string; resendHref: string })[];
  paging: PagingView;
  resentEmail: string | null;
  returnTo: string;
}

/** All members: one page of the organization's accounts, searched and filtered by the members service. */
@Injectable()
export class MembersPageUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, query: MembersPageQuery): Promise<MembersPageView> {
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const status = ACCOUNT_STATUSES.find((candidate) => candidate === query.status);
    const page = pageNumber(query.page);
    const result = await this.members.send(MembersRpc.ListMembers, { ...admin, query: { page, limit: MEMBERS_PER_PAGE, ...(q ? { q } : {}), ...(status ? { status } : {}) } });
    const listQuery = { q, status };
    const paging = pagingView('/console/members', listQuery, page, MEMBERS_PER_PAGE, result.total);
    const resent = result.items.find((member) => member.id === query.resent);
    return {
      q,
      status: status ?? '',
      statuses: ACCOUNT_STATUSES.map((value) => ({ value, selected: value === status })),
      total: result.total,
      filtered: Boolean(q || status),
      members: result.items.map((member) => ({
        ...member,
        pending: member.status === 'pending_activation',
        fullName: [member.firstName, member.lastName].filter(Boolean).join(' '),
        resendHref: `/console/members/${member.id}/activation-email`,
      })),
      paging,
      resentEmail: resent?.email ?? null,
      returnTo: listHref('/console/members', listQuery, page),
    };
  }
}

