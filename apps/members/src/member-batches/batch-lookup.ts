import { Injectable } from '@nestjs/common';
import { DomainError } from '../rpc/domain.error';
import type { MemberBatch } from './member-batch';
import { MemberBatchesRepository } from './persistence/member-batches.repository';

/** A batch of the admin's own organization; any other answers "not found", never "forbidden". */
@Injectable()
export class BatchLookup {
  constructor(private readonly batches: MemberBatchesRepository) {}

  async find(organizationId: string, batchId: string): Promise<MemberBatch> {
    const batch = await this.batches.findInOrganization(organizationId, batchId);
    if (!batch) throw DomainError.notFound('This batch');
    return batch;
  }
}
