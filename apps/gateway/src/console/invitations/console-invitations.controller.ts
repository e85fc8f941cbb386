import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { errorCode } from '../../activation/activation-answers';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { type ConsoleList, ConsoleListActions, type ListActionForm, withQuery } from '../console-list-actions';
import { ConsoleResponder } from '../console-responder';
import { consoleMessage } from '../pages/console-messages';
import type { ConsoleSession } from '../session/console-session';
import { ConsoleSessions } from '../session/console-session';
import { ConsoleSessionGuard, CurrentSession, StaleForm } from '../session/console-session.guard';
import { INVITE_REFUSALS, type InvitationNotice, type InvitationsPageQuery, InvitationsPageUseCase, type InviteRefusal } from './invitations-page.usecase';

const INVITATION_ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
/** What the members service accepts as an account name to invite (InviteByAccountNameCommand). */
const ACCOUNT_NAME_TYPED = /^[^\u0000-\u001f\u007f]{1,64}$/;

const INVITATIONS: ConsoleList = {
  path: '/console/invitations',
  // The invitation changed meanwhile: answered, expired, cancelled by another admin, its account deleted.
  changedMeanwhile: [ErrorCode.InvitationNotPending, ErrorCode.InvitationExpired, ErrorCode.MemberDeleted],
};

/** Invitations: the list with a status filter, resend, cancel, and inviting a personal account by its account name. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console/invitations')
export class ConsoleInvitationsController {
  constructor(
    private readonly invitationsPage: InvitationsPageUseCase,
    private readonly members: MembersRpcClient,
    private readonly sessions: ConsoleSessions,
    private readonly responder: ConsoleResponder,
    private readonly listActions: ConsoleListActions,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Query() query: InvitationsPageQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.show(session, request, response, 200, query);
  }

  @Post()
  async invite(@CurrentSession() session: ConsoleSession, @Body() body: { _csrf?: unknown; accountName?: unknown }, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    const accountName = typeof body.accountName === 'string' ? body.accountName.trim() : '';
    if (!ACCOUNT_NAME_TYPED.test(accountName)) return this.show(session, request, response, 422, {}, { accountName: accountName.slice(0, 64), code: 'validation_failed' });
    try {
      const invitation = await this.members.send(MembersRpc.InviteByAccountName, { ...session.admin, accountName });
      this.responder.redirect(response, withQuery(INVITATIONS.path, { done: 'sent', name: invitation.accountName }));
    } catch (error) {
      const code = INVITE_REFUSALS.find((refusal) => refusal === errorCode(error));
      if (!code) throw error;
      await this.show(session, request, response, code === 'not_found' ? 404 : code === 'validation_failed' ? 422 : 409, {}, { accountName, code });
    }
  }

  @Post(':invitationId/resend')
  resend(@CurrentSession() session: ConsoleSession, @Param('invitationId', INVITATION_ID) invitationId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<InvitationNotice>(INVITATIONS, session, body, response, 'resent', async () => (await this.members.send(MembersRpc.ResendInvitation, { ...session.admin, invitationId })).accountName);
  }

  @Post(':invitationId/cancellation')
  cancel(@CurrentSession() session: ConsoleSession, @Param('invitationId', INVITATION_ID) invitationId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<InvitationNotice>(INVITATIONS, session, body, response, 'cancelled', async () => (await this.members.send(MembersRpc.CancelInvitation, { ...session.admin, invitationId })).accountName);
  }

  private async show(session: ConsoleSession, request: Request, response: Response, status: number, query: InvitationsPageQuery, refused?: { accountName: string; code: InviteRefusal }): Promise<void> {
    const view = await this.invitationsPage.execute(session.admin, query, refused);
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), 'invitations.title'), { csrfToken: session.csrfToken, section: 'invitations' });
    this.responder.page(response, status, 'invitations', frame, view);
  }
}
