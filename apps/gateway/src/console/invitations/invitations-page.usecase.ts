import { Injectable } from '@nestjs/common';
import { INVITATION_STATUSES, type InvitationStatus, type InvitationView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import type { ConsoleMessageKey } from '../pages/console-messages';
import { listHref, pageNumber, pagingView, type PagingView } from '../pages/paging';

const INVITATIONS_PER_PAGE = 50;
/** An account name, as a notice carries it back in the address. */
const ACCOUNT_NAME = /^[a-z][a-z0-9._-]{5,31}$/;

/** What the page says after an action, by the query parameter the action came back with. */
export const INVITATION_NOTICES = ['sent', 'resent', 'cancelled', 'changed'] as const;
export type InvitationNotice = (typeof INVITATION_NOTICES)[number];

/** Why an invitation by account name was refused, in the admin's words; anything else is the console's error page. */
export const INVITE_REFUSALS = [
  'not_found',
  'not_a_personal_account',
  'personal_account_unverified',
  'already_member',
  'member_of_another_organization',
  'already_in_an_organization',
  'invitation_pending',
  'validation_failed',
] as const;
export type InviteRefusal = (typeof INVITE_REFUSALS)[number];

export interface InvitationsPageQuery {
  status?: unknown;
  page?: unknown;
  done?: unknown;
  name?: unknown;
}

type InvitationRow = InvitationView & { pending: boolean; resendHref: string; cancellationHref: string };

export interface InvitationsPageView {
  statuses: { value: InvitationStatus; selected: boolean }[];
  total: number;
  filtered: boolean;
  invitations: InvitationRow[];
  paging: PagingView;
  notice: { key: ConsoleMessageKey; accountName: string } | null;
  /** The invite form after a refusal: what was typed and why. */
  invite: { accountName: string; problem: ConsoleMessageKey | '' };
  returnTo: string;
}

/** The organization's invitations, newest first, filtered by status. */
@Injectable()
export class InvitationsPageUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, query: InvitationsPageQuery, refused?: { accountName: string; code: InviteRefusal }): Promise<InvitationsPageView> {
    const status = INVITATION_STATUSES.find((candidate) => candidate === query.status);
    const page = pageNumber(query.page);
    const result = await this.members.send(MembersRpc.ListInvitations, { ...admin, query: { page, limit: INVITATIONS_PER_PAGE, ...(status ? { status } : {}) } });
    return {
      statuses: INVITATION_STATUSES.map((value) => ({ value, selected: value === status })),
      total: result.total,
      filtered: status !== undefined,
      invitations: result.items.map((invitation) => ({
        ...invitation,
        pending: invitation.status === 'pending',
        resendHref: `/console/invitations/${invitation.id}/resend`,
        cancellationHref: `/console/invitations/${invitation.id}/cancellation`,
      })),
      paging: pagingView('/console/invitations', { status }, page, INVITATIONS_PER_PAGE, result.total),
      notice: noticeOf(query),
      invite: refused ? { accountName: refused.accountName, problem: `invitations.refused.${refused.code}` } : { accountName: '', problem: '' },
      returnTo: listHref('/console/invitations', { status }, page),
    };
  }
}

function noticeOf(query: InvitationsPageQuery): InvitationsPageView['notice'] {
  const done = INVITATION_NOTICES.find((candidate) => candidate === query.done);
  if (done === 'changed') return { key: 'invitations.changedMeanwhile', accountName: '' };
  if (!done || typeof query.name !== 'string' || !ACCOUNT_NAME.test(query.name)) return null;
  return { key: `invitations.${done}`, accountName: query.name };
}
