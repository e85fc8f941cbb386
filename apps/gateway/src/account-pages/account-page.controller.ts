import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, type Locale, type MemberAccountView, MembersRpc, type ReceivedInvitationView } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { LeaveOrganizationUseCase } from '../personal-membership/leave-organization.usecase';
import { fillText, pageDate, pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';
import type { AccountPageContext } from './account-pages';
import { MemberPageSession } from './member-page-session';
import { refusalOf } from './members-refusal';

/** What `/account` says after an action, by the query parameter the action came back with. */
const NOTICES = ['joined', 'declined', 'left'] as const;
type AccountNotice = (typeof NOTICES)[number];

/**
 * `/account`: who is signed in; for a personal account, its organization (with Leave) and the
 * invitations waiting for an answer.
 */
@ApiExcludeController()
@Controller('account')
export class AccountPageController {
  constructor(
    private readonly session: MemberPageSession,
    private readonly members: MembersRpcClient,
    private readonly leave: LeaveOrganizationUseCase,
    private readonly responder: AccountPageResponder,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Query('lang') lang: unknown, @Query('done') done: unknown): Promise<void> {
    const locale = this.responder.localeOf(request, lang);
    const member = await this.session.member(request);
    if (!member) return this.signInAgain(response, locale);
    const notice = NOTICES.find((candidate) => candidate === done);
    this.responder.page(response, 200, 'signed-in', locale, await this.view(member, locale, notice), true);
  }

  @Post('leave')
  async leaveOrganization(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const fields = (body ?? {}) as Record<string, unknown>;
    const locale = this.responder.localeOf(request, fields.lang);
    const member = await this.session.member(request);
    if (!member) return this.signInAgain(response, locale);
    const t = pageTexts(locale);
    if (!this.responder.formIsGenuine(request, typeof fields._csrf === 'string' ? fields._csrf : '')) {
      return this.responder.page(response, 403, 'signed-in', locale, { ...(await this.view(member, locale)), formErrors: [t.formExpired] }, true);
    }
    try {
      const access = await this.leave.execute(member);
      this.responder.startSession(response, access.accessToken, access.expiresIn);
    } catch (error) {
      if (refusalOf(error)?.code === ErrorCode.NotInAnOrganization) return this.responder.redirect(response, `/account?lang=${locale}`);
      if (refusalOf(error)?.code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
      throw error;
    }
    this.responder.redirect(response, `/account?lang=${locale}&done=left`);
  }

  private signInAgain(response: Response, locale: Locale): void {
    this.responder.endSession(response);
    this.responder.redirect(response, `/signin?lang=${locale}`);
  }

  private async view(member: MemberAccountView, locale: Locale, notice?: AccountNotice): Promise<AccountPageContext> {
    const t = pageTexts(locale);
    const personal = member.type === 'personal';
    const received = personal ? (await this.members.send(MembersRpc.ListReceivedInvitations, { memberId: member.id })).items : [];
    const organizationName = member.organizationId ? organizationOf(member.organizationId, received) : null;
    const notices: Record<AccountNotice, string> = {
      joined: fillText(t.joinedNotice, { organization: organizationName ?? '' }),
      declined: t.declinedNotice,
      left: t.leftNotice,
    };
    return {
      accountName: member.accountName,
      email: member.email,
      personal,
      notice: notice ? notices[notice] : null,
      organization: organizationName === null ? null : { name: organizationName, leaveLabel: fillText(t.leaveButton, { organization: organizationName }) },
      invitations: received
        .filter((invitation) => invitation.status === 'pending')
        .map((invitation) => ({
          href: `/invitations/${invitation.id}?lang=${locale}`,
          label: fillText(t.openInvitation, { organization: invitation.organizationName }),
          expires: fillText(t.invitationExpires, { date: pageDate(locale, invitation.expiresAt) }),
        })),
    };
  }
}

/**
 * The name of the organization the person is a member of: the invitation they accepted to join
 * it (its id when the members service gives it, else the latest accepted), else its id.
 */
function organizationOf(organizationId: string, received: ReceivedInvitationView[]): string {
  const accepted = received.filter((invitation) => invitation.status === 'accepted');
  const joined = accepted.find((invitation) => invitation.organizationId === organizationId) ?? accepted.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return joined?.organizationName ?? organizationId;
}
