import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BatchCommand,
  BatchErrorRowsCommand,
  type BatchErrorRowsPage,
  CreateUploadBatchCommand,
  BatchSummaryQuery,
  type BatchSummaryRecipient,
  type BatchRowView,
  CreateEmailBatchCommand,
  ListBatchesCommand,
  ListBatchRowsCommand,
  type MemberBatchView,
  MembersRpc,
  type Page,
  UpdateBatchRowCommand,
} from '@app/contracts';
import { BatchQueries } from './batch-queries';
import { CommitBatchUseCase } from './commit-batch.usecase';
import { CreateEmailBatchUseCase } from './create-email-batch.usecase';
import { CreateUploadBatchUseCase } from './create-upload-batch.usecase';
import { UpdateBatchRowUseCase } from './update-batch-row.usecase';

@Controller()
export class MemberBatchesController {
  constructor(
    private readonly createEmailBatch: CreateEmailBatchUseCase,
    private readonly createUploadBatch: CreateUploadBatchUseCase,
    private readonly updateRow: UpdateBatchRowUseCase,
    private readonly commitBatch: CommitBatchUseCase,
    private readonly queries: BatchQueries,
  ) {}

  @MessagePattern(MembersRpc.CreateEmailBatch)
  create(@Payload() command: CreateEmailBatchCommand): Promise<MemberBatchView> {
    return this.createEmailBatch.execute(command);
  }

  @MessagePattern(MembersRpc.CreateUploadBatch)
  createFromUpload(@Payload() command: CreateUploadBatchCommand): Promise<MemberBatchView> {
    return this.createUploadBatch.execute(command);
  }

  @MessagePattern(MembersRpc.BatchErrorRows)
  errorRows(@Payload() command: BatchErrorRowsCommand): Promise<BatchErrorRowsPage> {
    return this.queries.errorRows(command);
  }

  @MessagePattern(MembersRpc.GetBatch)
  get(@Payload() command: BatchCommand): Promise<MemberBatchView> {
    return this.queries.getBatch(command);
  }

  @MessagePattern(MembersRpc.ListBatches)
  list(@Payload() command: ListBatchesCommand): Promise<Page<MemberBatchView>> {
    return this.queries.listBatches(command);
  }

  @MessagePattern(MembersRpc.ListBatchRows)
  listRows(@Payload() command: ListBatchRowsCommand): Promise<Page<BatchRowView>> {
    return this.queries.listRows(command);
  }

  @MessagePattern(MembersRpc.UpdateBatchRow)
  update(@Payload() command: UpdateBatchRowCommand): Promise<BatchRowView> {
    return this.updateRow.execute(command);
  }

  @MessagePattern(MembersRpc.CommitBatch)
  commit(@Payload() command: BatchCommand): Promise<MemberBatchView> {
    return this.commitBatch.execute(command);
  }

  @MessagePattern(MembersRpc.GetBatchSummary)
  summaryRecipient(@Payload() query: BatchSummaryQuery): Promise<BatchSummaryRecipient> {
    return this.queries.summaryRecipient(query);
  }
}
