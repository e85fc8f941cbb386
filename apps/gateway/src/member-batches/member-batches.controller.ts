import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type BatchRowView, ErrorCode, IDEMPOTENCY_KEY_PATTERN, type MemberBatchView, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiRequestBodyContent } from '../http/api-document';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiPageResponse } from '../http/api-page-response.decorator';
import { ApiException } from '../http/api.exception';
import { PageQuery } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param.pipe';
import { CsvUploadUseCase, type ReceivedFile } from '../uploads/csv-upload.usecase';
import { UploadRateLimitGuard } from '../uploads/upload-rate-limit.guard';
import { BatchRowPatchBody, isEmptyPatch } from './dto/batch-row-patch-body.dto';
import { BatchRowResponse } from './dto/batch-row.response';
import { BatchRowsQuery } from './dto/batch-rows-query.dto';
import { CreateEmailBatchBody } from './dto/create-email-batch-body.dto';
import { MemberBatchResponse } from './dto/member-batch.response';
import { ErrorsCsvExport } from './errors-csv.export';
import { MEMBER_LIST_TEMPLATE, memberListWorkbook, XLSX_CONTENT_TYPE } from './member-list-template';

const BATCH_ID = new UuidParam('This batch');
const ROW_ID = new UuidParam('This row');
const CSV = { 'text/csv': { schema: { type: 'string' } } };

@ApiTags('member batches')
@ApiBearerAuth()
@ApiExtraModels(CreateEmailBatchBody)
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
  @UseGuards(UploadRateLimitGuard)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Add members: typed addresses (JSON, or the multipart field `emails`) or a directory export, CSV or Excel .xlsx (multipart field `file`)',
    description:
      'Up to 500 typed addresses are validated at once: 201, the batch `ready` with its rows inline. More (up to 5,000), or a file: 202, the batch `validating`; follow it with `GET /api/v1/member-batches/{id}`.',
  })
  @ApiRequestBodyContent({
    'application/json': { schema: { allOf: [{ $ref: getSchemaPath(CreateEmailBatchBody) }], required: ['emails'] } },
    'multipart/form-data': {
      schema: {
        type: 'object',
        description: 'Either a file or typed addresses',
        properties: {
          file: { type: 'string', format: 'binary', description: 'A directory export: CSV, or an Excel workbook (.xlsx)' },
          emails: { type: 'string', description: 'What the admin typed, as in the JSON body' },
        },
      },
    },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key again answers the batch it made while that batch is unfinished',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
  })
  @ApiCreatedResponse({ type: MemberBatchResponse, description: 'Up to 500 typed addresses: the batch, `ready`, with its rows' })
  @ApiAcceptedResponse({ type: MemberBatchResponse, description: 'More typed addresses, or a file: the batch, `validating`, without rows' })
  @ApiErrorResponses(
    ErrorCode.ValidationFailed,
    ErrorCode.FileTooLarge,
    ErrorCode.UnreadableFile,
    ErrorCode.MissingEmailColumn,
    ErrorCode.EmptyFile,
    ErrorCode.WorkbookHasMacros,
    ErrorCode.EncryptedWorkbook,
    ErrorCode.LegacyExcelWorkbook,
    ErrorCode.WorkbookTooLarge,
    ErrorCode.TooManyRows,
    ErrorCode.TooManyColumns,
    ErrorCode.CellTooLarge,
    ErrorCode.TooManyAttempts,
  )
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
    const batch = await this.members.send(MembersRpc.CreateEmailBatch, { ...admin, emails: body.emails, idempotencyKey });
    // A long list is validated by the import workers: the batch is answered at once, to be followed.
    if (batch.status === 'validating') response.status(202);
    return batch;
  }

  @Get()
  @ApiOperation({ summary: 'The organization’s batches, newest first (`page`, `limit`): status, counts and progress, without rows' })
  @ApiPageResponse(MemberBatchResponse, 'A page of batches')
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: PageQuery): Promise<Page<MemberBatchView>> {
    return this.members.send(MembersRpc.ListBatches, { ...admin, query });
  }

  @Get('template.csv')
  @ApiOperation({ summary: 'A CSV template with the recognised headers and two example rows' })
  @ApiOkResponse({ description: 'The template, UTF-8 with BOM, `;`-separated', content: CSV })
  template(@Res() response: Response): void {
    response.type('text/csv; charset=utf-8').attachment('members-template.csv').send(MEMBER_LIST_TEMPLATE);
  }

  @Get('template.xlsx')
  @ApiOperation({ summary: 'The same template as an Excel workbook' })
  @ApiOkResponse({ description: 'The template, one worksheet', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async templateWorkbook(@Res() response: Response): Promise<void> {
    response.type(XLSX_CONTENT_TYPE).attachment('members-template.xlsx').send(await memberListWorkbook());
  }

  @Get(':batchId/errors.csv')
  @ApiOperation({ summary: 'The rows with problems, in the file’s columns plus line, error_code, error_message (UTF-8 with BOM, for Excel)' })
  @ApiOkResponse({ description: 'The report; errors are JSON, as everywhere else', content: CSV })
  @ApiErrorResponses(ErrorCode.NotFound)
  async errors(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', BATCH_ID) batchId: string, @Res() response: Response): Promise<void> {
    const chunks = await this.errorsCsv.open(admin, batchId);
    response.type('text/csv; charset=utf-8').attachment(`errors-${batchId}.csv`);
    await pipeline(Readable.from(chunks), response);
  }

  @Get(':batchId')
  @ApiOperation({ summary: 'A batch: status, counts and progress' })
  @ApiOkResponse({ type: MemberBatchResponse })
  @ApiErrorResponses(ErrorCode.NotFound)
  get(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', BATCH_ID) batchId: string): Promise<MemberBatchView> {
    return this.members.send(MembersRpc.GetBatch, { ...admin, batchId });
  }

  @Get(':batchId/rows')
  @ApiOperation({ summary: 'The rows of a batch, by line, optionally of one status' })
  @ApiPageResponse(BatchRowResponse, 'A page of rows')
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.ValidationFailed)
  rows(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', BATCH_ID) batchId: string, @Query() query: BatchRowsQuery): Promise<Page<BatchRowView>> {
    return this.members.send(MembersRpc.ListBatchRows, { ...admin, batchId, query });
  }

  @Patch(':batchId/rows/:rowId')
  @ApiOperation({ summary: 'Edit a row under review: account name, names, a password set for the member, or `addAnyway` for a row the directory disabled (at least one of them)' })
  @ApiOkResponse({ type: BatchRowResponse, description: 'The row as edited' })
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
    @Param('batchId', BATCH_ID) batchId: string,
    @Param('rowId', ROW_ID) rowId: string,
    @Body() patch: BatchRowPatchBody,
  ): Promise<BatchRowView> {
    if (isEmptyPatch(patch)) throw new ApiException(422, ErrorCode.ValidationFailed, 'Send at least one of accountName, firstName, lastName, password, addAnyway.');
    return this.members.send(MembersRpc.UpdateBatchRow, { ...admin, batchId, rowId, patch });
  }

  @Post(':batchId/commit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Create the accounts of the valid rows; safe to repeat' })
  @ApiAcceptedResponse({ type: MemberBatchResponse, description: 'The batch, `committing` (or already `completed`)' })
  @ApiErrorResponses(ErrorCode.NotFound, ErrorCode.BatchNotReady)
  commit(@CurrentAdmin() admin: AdminPrincipal, @Param('batchId', BATCH_ID) batchId: string): Promise<MemberBatchView> {
    return this.members.send(MembersRpc.CommitBatch, { ...admin, batchId });
  }
}
