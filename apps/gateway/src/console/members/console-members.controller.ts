import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { errorCode } from '../../activation/activation-answers';
import { consoleMessage } from '../pages/console-messages';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleResponder } from '../console-responder';
import type { ConsoleSession } from '../session/console-session';
import { ConsoleSessions } from '../session/console-session';
import { ConsoleSessionGuard, CurrentSession, StaleForm } from '../session/console-session.guard';
import { type MembersPageQuery, MembersPageUseCase } from './members-page.usecase';

const MEMBER_ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** All members, and a new activation email for a pending one. */
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
    @Body() body: { _csrf?: unknown; back?: unknown },
    @Res() response: Response,
  ): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    const back = typeof body.back === 'string' && /^\/console\/members(\?[^\s\\]*)?$/.test(body.back) ? body.back : '/console/members';
    try {
      await this.members.send(MembersRpc.ResendActivationEmail, { ...session.admin, memberId });
    } catch (error) {
      // Activated meanwhile: the list now says so; nothing to send.
      if (errorCode(error) !== ErrorCode.AlreadyActive) throw error;
      return this.responder.redirect(response, back);
    }
    this.responder.redirect(response, `${back}${back.includes('?') ? '&' : '?'}resent=${memberId}`);
  }
}
