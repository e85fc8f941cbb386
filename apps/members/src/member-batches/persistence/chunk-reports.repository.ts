import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { BatchCounts } from '@app/contracts';
import { insertedOnce } from '@app/persistence';
import type { CommitReport, CommittedChunk, ReportedPhase, ValidatedChunk } from '../chunk-report';
import type { RowOutcome } from '../row-outcome';
import { ChunkReportDocument } from './chunk-report.schema';

function reportId(batchId: string, phase: ReportedPhase, chunk: number): string {
  return `${batchId}:${phase}:${chunk}`;
}

@Injectable()
export class ChunkReportsRepository {
  constructor(@InjectModel(ChunkReportDocument.name) private readonly reports: Model<ChunkReportDocument>) {}

  /** False when an earlier attempt at the chunk reported first: its report stands. */
  recordValidated(batchId: string, chunk: number, validated: ValidatedChunk): Promise<boolean> {
    return this.insert({ _id: reportId(batchId, 'validate', chunk), batchId, phase: 'validate', chunk, rows: validated.rows, valid: validated.valid, created: null, notableOutcomes: null, completedAt: new Date() });
  }

  /** False when an earlier attempt at the chunk reported first: its report stands. */
  recordCommitted(batchId: string, report: CommitReport): Promise<boolean> {
    const notableOutcomes = report.notableOutcomes.length > 0 ? JSON.stringify(report.notableOutcomes) : null;
    return this.insert({
      _id: reportId(batchId, 'commit', report.chunk),
      batchId,
      phase: 'commit',
      chunk: report.chunk,
      rows: report.created + report.invited + report.failed,
      valid: null,
      created: report.created,
      invited: report.invited,
      notableOutcomes,
      completedAt: new Date(),
    });
  }

  async isCommitted(batchId: string, chunk: number): Promise<boolean> {
    return (await this.reports.exists({ _id: reportId(batchId, 'commit', chunk) })) !== null;
  }

  /** A batch's counts once every chunk is validated, without counting its rows. */
  async validationCounts(batchId: string): Promise<BatchCounts> {
    const reports = await this.reports.find({ batchId, phase: 'validate' }, { rows: 1, valid: 1 }).lean();
    const total = reports.reduce((sum, report) => sum + report.rows, 0);
    const valid = reports.reduce((sum, report) => sum + (report.valid ?? 0), 0);
    return { total, valid, invalid: total - valid, created: 0, invited: 0, failed: 0 };
  }

  /** Per validated chunk, in chunk order: its rows and how many were valid when validated. */
  async validatedChunks(batchId: string): Promise<(ValidatedChunk & { chunk: number })[]> {
    const reports = await this.reports.find({ batchId, phase: 'validate' }, { chunk: 1, rows: 1, valid: 1 }).lean();
    return reports.map((report) => ({ chunk: report.chunk, rows: report.rows, valid: report.valid ?? 0 })).sort((a, b) => a.chunk - b.chunk);
  }

  /** Per committed chunk, in chunk order: progress, final counts, paging after commit, the members list. */
  async committedChunks(batchId: string): Promise<CommittedChunk[]> {
    const reports = await this.reports.find({ batchId, phase: 'commit' }, { chunk: 1, created: 1, invited: 1, rows: 1 }).lean();
    return reports
      .map((report) => ({ chunk: report.chunk, created: report.created ?? 0, invited: report.invited ?? 0, failed: report.rows - (report.created ?? 0) - (report.invited ?? 0) }))
      .sort((a, b) => a.chunk - b.chunk);
  }

  /** The notable outcomes of these committed chunks, by row id. */
  async notableOutcomes(batchId: string, chunks: number[]): Promise<Map<string, RowOutcome>> {
    const found = await Promise.all(chunks.map((chunk) => this.reports.findById(reportId(batchId, 'commit', chunk), { notableOutcomes: 1 }).lean()));
    const outcomes = found.flatMap((report) => (report?.notableOutcomes ? (JSON.parse(report.notableOutcomes) as RowOutcome[]) : []));
    return new Map(outcomes.map((outcome) => [outcome.rowId, outcome]));
  }

  count(batchId: string, phase: ReportedPhase): Promise<number> {
    return this.reports.countDocuments({ batchId, phase });
  }

  /** Rows done in a phase so far, for progress figures. */
  async rowsDone(batchId: string, phase: ReportedPhase): Promise<number> {
    const reports = await this.reports.find({ batchId, phase }, { rows: 1 }).lean();
    return reports.reduce((sum, report) => sum + report.rows, 0);
  }

  private insert(report: ChunkReportDocument): Promise<boolean> {
    return insertedOnce(this.reports.create(report));
  }
}
