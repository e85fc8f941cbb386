import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, type Locale, type MemberAccountView, MembersRpc, type ReceivedInvitationView } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AcceptInvitationUseCase } from '../personal-membership/accept-invitation.usecase';
import { fillText, pageDate, pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';
import { MemberPageSession, safeNext } from './member-page-session';
import { refusalOf } from './members-refusal';

/** What the page says of an invitation that is no longer waiting for an answer. */
const ENDED_TEXTS = { accepted: 'invitationAccepted', declined: 'invitationDeclined', expired: 'invitationExpired', cancelled: 'invitationCancelled' } as const;

/**
 * `/invitations/:id`, the link of the invitation mail. It holds no secret: the person signs in
 * as the invited account first, then sees the organization and accepts or declines. An invitation
 * exists only for the account it names: any other account (or an unknown id) gets the same 404.
 */
@ApiExcludeController()
@Controller('invitations/:invitationId')
export class InvitationPageController {
  constructor(
    private readonly session: MemberPageSession,
    private readonly members: MembersRpcClient,
    private readonly accept: AcceptInvitationUseCase,
    private readonly responder: AccountPageResponder,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('invitationId') invitationId: string, @Query('lang') lang: unknown): Promise<void> {
    const locale = this.responder.localeOf(request, lang);
    const member = await this.session.member(request);
    if (!member) return this.signInFirst(response, locale, invitationId);
    await this.answerWithInvitation(response, locale, member, invitationId, 200);
  }

  @Post('accept')
  async acceptInvitation(@Req() request: Request, @Res() response: Response, @Param('invitationId') invitationId: string, @Body() body: unknown): Promise<void> {
    await this.answer(request, response, invitationId, body, async (member, locale) => {
      const access = await this.accept.execute(member.id, invitationId);
      this.responder.startSession(response, access.accessToken, access.expiresIn);
      this.responder.redirect(response, `/account?lang=${locale}&done=joined`);
    });
  }

  @Post('decline')
  async declineInvitation(@Req() request: Request, @Res() response: Response, @Param('invitationId') invitationId: string, @Body() body: unknown): Promise<void> {
    await this.answer(request, response, invitationId, body, async (member, locale) => {
      await this.members.send(MembersRpc.DeclineInvitation, { memberId: member.id, invitationId });
      this.responder.redirect(response, `/account?lang=${locale}&done=declined`);
    });
  }

  /** A posted answer: signed in as the invited personal account, from this site's own form; a refusal shows the invitation as it now is, with why. */
  private async answer(request: Request, response: Response, invitationId: string, body: unknown, act: (member: MemberAccountView, locale: Locale) => Promise<void>): Promise<void> {
    const fields = (body ?? {}) as Record<string, unknown>;
    const locale = this.responder.localeOf(request, fields.lang);
    const member = await this.session.member(request);
    if (!member) return this.signInFirst(response, locale, invitationId);
    const t = pageTexts(locale);
    if (!this.responder.formIsGenuine(request, typeof fields._csrf === 'string' ? fields._csrf : '')) {
      return this.answerWithInvitation(response, locale, member, invitationId, 403, [t.formExpired]);
    }
    if (member.type !== 'personal' || !safeNext(`/invitations/${invitationId}`)) return this.missing(response, locale, member);
    try {
      await act(member, locale);
    } catch (error) {
      const code = refusalOf(error)?.code;
      if (code === ErrorCode.AlreadyInAnOrganization) return this.answerWithInvitation(response, locale, member, invitationId, 409, [t.alreadyInAnOrganization]);
      if (code === ErrorCode.InvitationNotPending) return this.answerWithInvitation(response, locale, member, invitationId, 409);
      // Past its expiry, even before the sweep marked it: said as expired.
      if (code === ErrorCode.InvitationExpired) return this.answerWithInvitation(response, locale, member, invitationId, 410, [], 'expired');
      if (code === ErrorCode.NotFound || code === ErrorCode.NotAPersonalAccount) return this.missing(response, locale, member);
      if (code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
      throw error;
    }
  }

  private async answerWithInvitation(
    response: Response,
    locale: Locale,
    member: MemberAccountView,
    invitationId: string,
    status: number,
    formErrors: string[] = [],
    endedAs?: keyof typeof ENDED_TEXTS,
  ): Promise<void> {
    if (member.type !== 'personal' || !safeNext(`/invitations/${invitationId}`)) return this.missing(response, locale, member);
    let invitation: ReceivedInvitationView;
    try {
      invitation = await this.members.send(MembersRpc.GetReceivedInvitation, { memberId: member.id, invitationId: invitationId.toLowerCase() });
    } catch (error) {
      const code = refusalOf(error)?.code;
      if (code === ErrorCode.NotFound || code === ErrorCode.NotAPersonalAccount) return this.missing(response, locale, member);
      if (code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
      throw error;
    }
    this.responder.page(response, status, 'invitation', locale, { ...invitationView(invitation, locale, endedAs), formErrors }, true);
  }

  private missing(response: Response, locale: Locale, member: MemberAccountView): void {
    this.responder.page(response, 404, 'invitation-missing', locale, { body: fillText(pageTexts(locale).invitationMissingBody, { accountName: member.accountName }) }, true);
  }

  private signInFirst(response: Response, locale: Locale, invitationId: string): void {
    const next = safeNext(`/invitations/${invitationId}`);
    this.responder.redirect(response, `/signin?lang=${locale}${next ? `&next=${encodeURIComponent(next)}` : ''}`);
  }
}

function invitationView(invitation: ReceivedInvitationView, locale: Locale, endedAs?: keyof typeof ENDED_TEXTS): object {
  const t = pageTexts(locale);
  const organization = invitation.organizationName;
  const status = endedAs ?? invitation.status;
  return {
    invitationId: invitation.id,
    title: fillText(t.invitationTitle, { organization }),
    pending: status === 'pending',
    intro: fillText(t.invitationIntro, { organization, accountName: invitation.accountName }),
    expires: fillText(t.invitationExpires, { date: pageDate(locale, invitation.expiresAt) }),
    acceptLabel: fillText(t.acceptButton, { organization }),
    ended: status === 'pending' ? '' : t[ENDED_TEXTS[status]],
  };
}
