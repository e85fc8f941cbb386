import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleResponder } from '../console-responder';
import { consoleMessage } from '../pages/console-messages';
import type { ConsoleSession } from '../session/console-session';
import { ConsoleSessionGuard, CurrentSession } from '../session/console-session.guard';
import { ActivityPageUseCase } from './activity-page.usecase';

/** Activity: the organization's audit log, read-only. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console/activity')
export class ConsoleActivityController {
  constructor(
    private readonly activityPage: ActivityPageUseCase,
    private readonly responder: ConsoleResponder,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const locale = this.responder.locale(request);
    const view = await this.activityPage.execute(session.admin, query, locale);
    const frame = this.responder.frame(request, consoleMessage(locale, 'activity.title'), { csrfToken: session.csrfToken, section: 'activity' });
    this.responder.page(response, 200, 'activity', frame, view);
  }
}
