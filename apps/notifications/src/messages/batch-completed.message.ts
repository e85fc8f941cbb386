import { Type } from 'class-transformer';
import { Equals, IsDefined, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { BATCH_COMPLETED_VERSION, type BatchCompletedData, type BatchCompletedEvent } from '@app/contracts';
import { EventEnvelopeMessage } from './event-envelope.message';

type Counts = BatchCompletedData['counts'];

/** The counts the summary mail shows; `valid` is not shown and not checked. */
class BatchCountsMessage implements Omit<Counts, 'valid'> {
  @IsInt()
  @Min(0)
  total: number;

  @IsInt()
  @Min(0)
  invalid: number;

  @IsInt()
  @Min(0)
  created: number;

  @IsInt()
  @Min(0)
  failed: number;

  /** Absent from events of batches committed before invitations existed. */
  @IsOptional()
  @IsInt()
  @Min(0)
  invited?: number;
}

/** Only what the summary mail needs is checked; the recipient and file come from the members service. */
class BatchCompletedDataMessage implements Pick<BatchCompletedData, 'batchId'> {
  @IsUUID('4')
  batchId: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => BatchCountsMessage)
  counts: BatchCountsMessage;
}

export class BatchCompletedMessage extends EventEnvelopeMessage implements Omit<BatchCompletedEvent, 'data'> {
  @Equals('BatchCompleted')
  type: 'BatchCompleted';

  @Equals(BATCH_COMPLETED_VERSION)
  version: number;

  @IsDefined()
  @ValidateNested()
  @Type(() => BatchCompletedDataMessage)
  data: BatchCompletedDataMessage;
}
