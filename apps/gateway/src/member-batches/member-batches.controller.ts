import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BatchRowPatchBody,
  BatchRowsQuery,
  type BatchRowView,
  CreateEmailBatchBody,
  ErrorCode,
  type MemberBatchView,
  MembersRpc,
  type Page,
} from '@app/contracts';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { MembersClient } from '../members-client/members-client';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('member batches')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/member-batches')
export class MemberBatchesController {
  constructor(private readonly members: MembersClient) {}

  @Post()
  @ApiOperation({ summary: 'Add members by email: every row checked, with suggested account names (rows inline up to 500)' })
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  create(@CurrentAdmin() admin: AdminPrincipal, @Body() body: CreateEmailBatchBody): Promise<MemberBatchView> {
    return this.members.send(MembersRpc.CreateEmailBatch, { ...admin, emails: body.emails });
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
