import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, type MemberBatchView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { errorCode } from '../../activation/activation-answers';
import { ErrorsCsvExport } from '../../member-batches/errors-csv.export';
import { MEMBER_LIST_TEMPLATE, memberListWorkbook, XLSX_CONTENT_TYPE } from '../../member-batches/member-list-template';
import type { ReceivedFile } from '../../uploads/csv-upload.usecase';
import { UploadRateLimitGuard } from '../../uploads/upload-rate-limit.guard';
import { ConsoleExceptionFilter } from '../console-exception.filter';
import { ConsoleResponder } from '../console-responder';
import { consoleMessage } from '../pages/console-messages';
import { pageNumber, pagingView } from '../pages/paging';
import { problemWords } from '../pages/problem-words';
import { type ConsoleSession, ConsoleSessions } from '../session/console-session';
import { ConsoleSessionGuard, CurrentSession, StaleForm } from '../session/console-session.guard';
import { type AddMembersForm, AddMembersUseCase } from './add-members.usecase';
import { BATCH_STATUS_LABELS, progressView } from './batch-status-page';
import { type RowEditForm, EditRowUseCase } from './edit-row.usecase';
import { ReviewPageUseCase, reviewFilter } from './review-page.usecase';
import type { RowEdit } from './row-edit';

const ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const BATCHES_PER_PAGE = 25;

interface Csrf {
  _csrf?: unknown;
}

/** Add members, follow an import, review it, create the accounts; and the list of imports. */
@ApiExcludeController()
@UseFilters(ConsoleExceptionFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console')
export class ConsoleBatchesController {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly addMembers: AddMembersUseCase,
    private readonly reviewPage: ReviewPageUseCase,
    private readonly editRow: EditRowUseCase,
    private readonly errorsCsv: ErrorsCsvExport,
    private readonly sessions: ConsoleSessions,
    private readonly responder: ConsoleResponder,
  ) {}

  @Get('members/add')
  showAdd(@CurrentSession() session: ConsoleSession, @Req() request: Request, @Res() response: Response): void {
    this.addPage(session, request, response, 200, { problem: null, emails: '' });
  }

  @Post('batches')
  @UseGuards(UploadRateLimitGuard)
  @UseInterceptors(FileInterceptor('file'))
  async add(
    @CurrentSession() session: ConsoleSession,
    @Body() body: AddMembersForm & Csrf,
    @UploadedFile() file: ReceivedFile | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) {
      if (file) await rm(file.path, { force: true });
      throw new StaleForm();
    }
    const outcome = await this.addMembers.execute(session.admin, body, file);
    if (outcome.added) return this.responder.redirect(response, `/console/batches/${outcome.batchId}`);
    const locale = this.responder.locale(request);
    const problem = typeof outcome.problem === 'string' ? consoleMessage(locale, outcome.problem) : problemWords(locale, outcome.problem);
    this.addPage(session, request, response, outcome.status, { problem, emails: outcome.emails });
  }

  @Get('template.csv')
  template(@Res() response: Response): void {
    response.type('text/csv; charset=utf-8').attachment('members-template.csv').send(MEMBER_LIST_TEMPLATE);
  }

  @Get('template.xlsx')
  async templateWorkbook(@Res() response: Response): Promise<void> {
    response.type(XLSX_CONTENT_TYPE).attachment('members-template.xlsx').send(await memberListWorkbook());
  }

  @Get('batches')
  async list(@CurrentSession() session: ConsoleSession, @Query('page') pageParameter: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const page = pageNumber(pageParameter);
    const result = await this.members.send(MembersRpc.ListBatches, { ...session.admin, query: { page, limit: BATCHES_PER_PAGE } });
    const batches = result.items.map((batch) => ({ ...batch, href: `/console/batches/${batch.id}`, statusLabel: BATCH_STATUS_LABELS[batch.status] }));
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), 'batches.title'), { csrfToken: session.csrfToken, section: 'batches' });
    this.responder.page(response, 200, 'batches', frame, { batches, paging: pagingView('/console/batches', {}, page, BATCHES_PER_PAGE, result.total) });
  }

  @Get('batches/:batchId')
  async show(
    @CurrentSession() session: ConsoleSession,
    @Param('batchId', ID) batchId: string,
    @Query() query: { show?: unknown; page?: unknown; saved?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const batch = await this.members.send(MembersRpc.GetBatch, { ...session.admin, batchId });
    await this.batchPage(session, batch, request, response, 200, query);
  }

  /** The figures of the progress page, for its script to refresh them without reloading. */
  @Get('batches/:batchId/progress')
  async progress(@CurrentSession() session: ConsoleSession, @Param('batchId', ID) batchId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const batch = await this.members.send(MembersRpc.GetBatch, { ...session.admin, batchId });
    const view = progressView(batch);
    const locale = this.responder.locale(request);
    ConsoleResponder.secure(response);
    response.json({
      status: batch.status,
      processed: view.processed,
      total: view.total,
      rows: consoleMessage(locale, view.rowsKey, { processed: view.processed.toLocaleString(locale), total: view.total.toLocaleString(locale) }),
      rate: view.rate === null ? '' : consoleMessage(locale, 'progress.rate', { rate: view.rate.toLocaleString(locale) }),
      eta: view.eta === null ? consoleMessage(locale, 'progress.etaUnknown') : consoleMessage(locale, 'progress.eta', { time: view.eta }),
    });
  }

  @Post('batches/:batchId/rows/:rowId')
  async edit(
    @CurrentSession() session: ConsoleSession,
    @Param('batchId', ID) batchId: string,
    @Param('rowId', ID) rowId: string,
    @Body() body: RowEditForm & Csrf & { show?: unknown; page?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    const show = reviewFilter(body.show);
    const page = pageNumber(body.page);
    let outcome;
    try {
      outcome = await this.editRow.execute(session.admin, batchId, rowId, body);
    } catch (error) {
      // Committed meanwhile (another tab, another admin): the batch page says where it stands.
      if (errorCode(error) === ErrorCode.BatchNotEditable) return this.responder.redirect(response, `/console/batches/${batchId}`);
      throw error;
    }
    if (outcome.saved) {
      const parameters = new URLSearchParams({ ...(show === 'all' ? {} : { show }), ...(page > 1 ? { page: String(page) } : {}), saved: rowId });
      return this.responder.redirect(response, `/console/batches/${batchId}?${parameters.toString()}#row-${rowId}`);
    }
    const batch = await this.members.send(MembersRpc.GetBatch, { ...session.admin, batchId });
    await this.batchPage(session, batch, request, response, outcome.status, { show, page: String(page) }, outcome.edit);
  }

  @Post('batches/:batchId/commit')
  async commit(@CurrentSession() session: ConsoleSession, @Param('batchId', ID) batchId: string, @Body() body: Csrf, @Res() response: Response): Promise<void> {
    if (!this.sessions.formIsGenuine(session, body._csrf)) throw new StaleForm();
    try {
      await this.members.send(MembersRpc.CommitBatch, { ...session.admin, batchId });
    } catch (error) {
      // Not ready (still checking, or nothing valid): the batch page shows why.
      if (errorCode(error) !== ErrorCode.BatchNotReady) throw error;
    }
    this.responder.redirect(response, `/console/batches/${batchId}`);
  }

  @Get('batches/:batchId/errors.csv')
  async errors(@CurrentSession() session: ConsoleSession, @Param('batchId', ID) batchId: string, @Res() response: Response): Promise<void> {
    const chunks = await this.errorsCsv.open(session.admin, batchId);
    ConsoleResponder.secure(response);
    response.type('text/csv; charset=utf-8').attachment(`errors-${batchId}.csv`);
    await pipeline(Readable.from(chunks), response);
  }

  private addPage(session: ConsoleSession, request: Request, response: Response, status: number, view: { problem: string | null; emails: string }): void {
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), 'add.title'), { csrfToken: session.csrfToken, section: 'add' });
    this.responder.page(response, status, 'add-members', frame, { ...view, requestKey: randomUUID() });
  }

  private async batchPage(
    session: ConsoleSession,
    batch: MemberBatchView,
    request: Request,
    response: Response,
    status: number,
    query: { show?: unknown; page?: unknown; saved?: unknown },
    edit?: RowEdit,
  ): Promise<void> {
    const locale = this.responder.locale(request);
    const frameFor = (title: string, refresh = false) =>
      this.responder.frame(request, title, { csrfToken: session.csrfToken, section: 'batches', ...(refresh ? { refreshSeconds: 3 } : {}) });
    if (batch.status === 'validating' || batch.status === 'committing') {
      const view = progressView(batch);
      return this.responder.page(response, status, 'progress', frameFor(consoleMessage(locale, view.title), true), view);
    }
    if (batch.status === 'ready') {
      const saved = typeof query.saved === 'string' ? query.saved : undefined;
      const view = await this.reviewPage.execute(session.admin, batch, { show: reviewFilter(query.show), page: pageNumber(query.page), locale, saved, edit });
      return this.responder.page(response, status, 'review', frameFor(consoleMessage(locale, 'review.title')), view);
    }
    const completed = batch.status === 'completed';
    const title = consoleMessage(locale, completed ? 'result.title' : 'result.failedTitle');
    this.responder.page(response, status, 'result', frameFor(title), {
      batch,
      completed,
      failureReason: batch.failureReason ?? '',
      hasErrorReport: batch.counts.invalid + batch.counts.failed > 0,
    });
  }
}
