import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { RowOutcome } from '../row-outcome';

/** A batch_milestones document of 0.2: a chunk's tally, a ticket, the commit claim or a closing mark. */
export interface MilestoneOf02 {
  _id: string;
  batchId: string;
  phase: string;
  rows: number;
  chunk: number | null;
  valid: number | null;
  created: number | null;
}

interface CommitResultOf02 {
  batchId: string;
  chunk: number;
  notableOutcomes: RowOutcome[];
}

interface RequestKeyOf02 {
  _id: string;
  batchId: string;
}

const COLLECTIONS_OF_02 = ['batch_milestones', 'batch_commit_results', 'batch_request_keys'] as const;

/** The three batch collections of 0.2 that batch_chunk_reports and batch_claims replace, read once to upgrade. */
@Injectable()
export class RecordsOf02Repository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async present(): Promise<boolean> {
    const names = (await this.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);
    return COLLECTIONS_OF_02.some((name) => names.includes(name));
  }

  milestones(): AsyncIterable<MilestoneOf02> {
    return this.connection.db!.collection<MilestoneOf02>('batch_milestones').find();
  }

  commitResults(): AsyncIterable<CommitResultOf02> {
    return this.connection.db!.collection<CommitResultOf02>('batch_commit_results').find({}, { projection: { _id: 0, batchId: 1, chunk: 1, notableOutcomes: 1 } });
  }

  requestKeys(): AsyncIterable<RequestKeyOf02> {
    return this.connection.db!.collection<RequestKeyOf02>('batch_request_keys').find({}, { projection: { batchId: 1 } });
  }

  async drop(): Promise<void> {
    for (const name of COLLECTIONS_OF_02) await this.connection.db!.dropCollection(name).catch(() => undefined);
  }
}
