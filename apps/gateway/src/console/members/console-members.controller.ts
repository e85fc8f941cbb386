import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { errorCode } from '../../activation/activation-answers';
import { consoleMessage } from '../pages/console-messages';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { backTo, type ConsoleList, ConsoleListActions, type ListActionForm, withQuery } from '../console-list-actions';
import { ConsoleResponder } from '../console-responder';
import type { ConsoleSession } from '../session/console-session';
import { ConsoleSessions } from '../session/console-session';
import { ConsoleSessionGuard, CurrentSession, StaleForm } from '../session/console-session.guard';
import { type MemberNotice, type MembersPageQuery, MembersPageUseCase } from './members-page.usecase';

const MEMBER_ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

const MEMBERS: ConsoleList = {
  path: '/console/members',
  // The member changed meanwhile (another admin, another tab): the list shows it as it is now.
  changedMeanwhile: [ErrorCode.AlreadySuspended, ErrorCode.NotSuspended, ErrorCode.MemberDeleted, ErrorCode.Conflict],
};

/** All members; a new activation email for a pending one; suspending, reactivating and deleting a business account; removing a personal member; a member's history. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console/members')
export class ConsoleMembersController {
  constructor(
    private readonly membersPage: MembersPageUseCase,
    private readonly members: MembersRpcClient,
    private readonly sessions: ConsoleSessions,
    private readonly responder: ConsoleResponder,
    private readonly listActions: ConsoleListActions,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Query() query: MembersPageQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const view = await this.membersPage.execute(session.admin, query);
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), 'members.title'), { csrfToken: session.csrfToken, section: 'members' });
    this.responder.page(response, 200, 'members', frame, view);
  }

  @Post(':memberId/activation-email')
  async resend(
    @CurrentSession() session: ConsoleSession,
    @Param('memberId', MEMBER_ID) memberId: string,
    @Body() body: ListActionForm,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    const back = backTo(MEMBERS, body);
    try {
      await this.members.send(MembersRpc.ResendActivationEmail, { ...session.admin, memberId });
    } catch (error) {
      // Activated meanwhile: the list now says so; nothing to send.
      if (errorCode(error) !== ErrorCode.AlreadyActive) throw error;
      return this.responder.redirect(response, back);
    }
    this.responder.redirect(response, withQuery(back, { resent: memberId }));
  }

  @Post(':memberId/suspension')
  suspend(@CurrentSession() session: ConsoleSession, @Param('memberId', MEMBER_ID) memberId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<MemberNotice>(MEMBERS, session, body, response, 'suspended', async () => (await this.members.send(MembersRpc.SuspendMember, { ...session.admin, memberId })).accountName);
  }

  @Post(':memberId/reactivation')
  reactivate(@CurrentSession() session: ConsoleSession, @Param('memberId', MEMBER_ID) memberId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<MemberNotice>(MEMBERS, session, body, response, 'reactivated', async () => (await this.members.send(MembersRpc.ReactivateMember, { ...session.admin, memberId })).accountName);
  }

  @Post(':memberId/deletion')
  delete(@CurrentSession() session: ConsoleSession, @Param('memberId', MEMBER_ID) memberId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<MemberNotice>(MEMBERS, session, body, response, 'deleted', async () => (await this.members.send(MembersRpc.DeleteMember, { ...session.admin, memberId })).accountName);
  }

  /** A personal member leaves the organization with its account (the members service says which kind it is). */
  @Post(':memberId/removal')
  remove(@CurrentSession() session: ConsoleSession, @Param('memberId', MEMBER_ID) memberId: string, @Body() body: ListActionForm, @Res() response: Response): Promise<void> {
    return this.listActions.run<MemberNotice>(MEMBERS, session, body, response, 'removed', async () => (await this.members.send(MembersRpc.DeleteMember, { ...session.admin, memberId })).accountName);
  }

  @Get(':memberId/history')
  async history(@CurrentSession() session: ConsoleSession, @Param('memberId', MEMBER_ID) memberId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const member = await this.members.send(MembersRpc.GetMember, { ...session.admin, memberId });
    const locale = this.responder.locale(request);
    const frame = this.responder.frame(request, consoleMessage(locale, 'members.detailTitle', { accountName: member.accountName }), { csrfToken: session.csrfToken, section: 'members' });
    this.responder.page(response, 200, 'member', frame, {
      member,
      fullName: [member.firstName, member.lastName].filter(Boolean).join(' '),
      history: member.history.map((entry) => ({ ...entry, label: `history.${entry.event}` })),
    });
  }
}
