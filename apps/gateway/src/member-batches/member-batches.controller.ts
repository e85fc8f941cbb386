import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type BatchRowView, ErrorCode, IDEMPOTENCY_KEY_PATTERN, type MemberBatchView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiException } from '../http/api.exception';
import { PageQuery } from '../http/page-query.dto';
import { CsvUploadUseCase, type ReceivedFile } from '../uploads/csv-upload.usecase';
import { BatchRowPatchBody } from './dto/batch-row-patch-body.dto';
import { BatchRowsQuery } from './dto/batch-rows-query.dto';
import { CreateEmailBatchBody } from './dto/create-email-batch-body.dto';
import { ErrorsCsvExport } from './errors-csv.export';
import { MEMBER_LIST_TEMPLATE } from './member-list-template';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('member batches')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/member-batches')
export class MemberBatchesController {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly csvUpload: CsvUploadUseCase,
    private readonly errorsCsv: ErrorsCsvExport,
  ) {}

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Add members: typed emails (JSON, answered 201 with rows inline up to 500) or a directory CSV (multipart field `file`, answered 202 while it is validated)',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: '#/components/schemas/CreateEmailBatchBody' },
        { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
      ],
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again answers the batch it made while that batch is unfinished' })
  @ApiErrorResponses(ErrorCode.ValidationFailed, ErrorCode.FileTooLarge, ErrorCode.UnreadableFile, ErrorCode.MissingEmailColumn, ErrorCode.EmptyFile)
  async create(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body() body: CreateEmailBatchBody,
    @UploadedFile() file: ReceivedFile | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberBatchView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new ApiException(422, ErrorCode.ValidationFailed, 'Idempotency-Key must be 1 to 128 letters, digits or . _ : -');
    }
    if (file) {
      response.status(202);
      return this.csvUpload.execute(admin, file, idempotencyKey);
    }
    if (body.emails === undefined) {
      throw new ApiException(422, ErrorCode.ValidationFailed, 'Send "emails" as JSON, or a CSV file in the multipart field "file".');
    }
    return this.members.send(MembersRpc.CreateEmailBatch, { ...admin, emails: body.emails, idempotencyKey });
  }

  @Get()
  @ApiOperation({ summary: 'The organization’s batches, newest first (`page`, `limit`): status, counts and progress, without rows' })
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: PageQuery): Promise<Page<MemberBatchView>> {
    return this.members.send(MembersRpc.ListBatches, { ...admin, query });
  }

  @Get('template.csv')
  @ApiOperation({ summary: 'A CSV template with the recognised headers and two example rows' })
  @ApiProduces('text/csv')
  template(@Res() response: Response): void {
    response.type('text/csv; charset=utf-8').attachment('members-template.csv').send(MEMBER_LIST_TEMPLATE);
  }

  @Get(':batchId/errors.csv')
  @ApiOperation({ summary: 'The rows with problems, in the file’s columns plus line, error_code, error_message (UTF-8 with BOM, for Excel)' })
  @ApiProduces('text/csv')
  @ApiErrorResponses(ErrorCode.NotFound)
  async errors(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', uuid) batchId: string, @Res() response: Response): Promise<void> {
    const chunks = await this.errorsCsv.open(admin, batchId);
    response.type('text/csv; charset=utf-8').attachment(`errors-${batchId}.csv`);
    await pipeline(Readable.from(chunks), response);
  }

  @Get(':batchId')
  @ApiOperation({ summary: 'A batch: status, counts and progress' })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', uuid) batchId: string): Promise<MemberBatchView> {
    return this.members.send(MembersRpc.GetBatch, { ...admin, batchId });
  }

  @Get(':batchId/rows')
  @ApiOperation({ summary: 'The rows of a batch, by line, optionally of one status' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.ValidationFailed)
  rows(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', uuid) batchId: string, @Query() query: BatchRowsQuery): Promise<Page<BatchRowView>> {
    return this.members.send(MembersRpc.ListBatchRows, { ...admin, batchId, query });
  }

  @Patch(':batchId/rows/:rowId')
  @ApiOperation({ summary: 'Edit a row under review: account name, names, or a password set for the member' })
  @ApiErrorResponses(
    ErrorCode.NotFound,
    ErrorCode.ValidationFailed,
    ErrorCode.InvalidAccountName,
    ErrorCode.AccountNameTaken,
    ErrorCode.WeakPassword,
    ErrorCode.BatchNotEditable,
  )
  update(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('batchId', uuid) batchId: string,
    @Param('rowId', uuid) rowId: string,
    @Body() patch: BatchRowPatchBody,
  ): Promise<BatchRowView> {
    return this.members.send(MembersRpc.UpdateBatchRow, { ...admin, batchId, rowId, patch });
  }

  @Post(':batchId/commit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Create the accounts of the valid rows; safe to repeat' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.BatchNotReady)
  commit(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', uuid) batchId: string): Promise<MemberBatchView> {
    return this.members.send(MembersRpc.CommitBatch, { ...admin, batchId });
  }
}
