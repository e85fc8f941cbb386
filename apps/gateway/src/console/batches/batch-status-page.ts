import type { MemberBatchView } from '@app/contracts';
import type { ConsoleMessageKey } from '../pages/console-messages';
import { durationWords } from '../pages/problem-words';

/** What the progress page and its script show: the same figures, put the same way. */
export interface ProgressView {
  batchId: string;
  status: MemberBatchView['status'];
  phase: 'validating' | 'committing';
  title: ConsoleMessageKey;
  processed: number;
  total: number;
  rowsKey: ConsoleMessageKey;
  rate: number | null;
  eta: string | null;
}

export function progressView(batch: MemberBatchView): ProgressView {
  const phase = batch.status === 'committing' ? 'committing' : 'validating';
  const progress = batch.progress;
  const processed = progress?.processed ?? 0;
  const total = progress?.total ?? batch.counts.total;
  return {
    batchId: batch.id,
    status: batch.status,
    phase,
    title: phase === 'committing' ? 'progress.committingTitle' : 'progress.validatingTitle',
    processed,
    total: Math.max(total, processed),
    rowsKey: phase === 'committing' ? 'progress.accounts' : 'progress.rows',
    rate: progress && progress.rowsPerSecond > 0 ? Math.round(progress.rowsPerSecond) : null,
    eta: progress?.etaSeconds === null || progress?.etaSeconds === undefined ? null : durationWords(progress.etaSeconds),
  };
}

export const BATCH_STATUS_LABELS: Record<MemberBatchView['status'], ConsoleMessageKey> = {
  validating: 'batch.validating',
  ready: 'batch.ready',
  committing: 'batch.committing',
  completed: 'batch.completed',
  failed: 'batch.failed',
};
