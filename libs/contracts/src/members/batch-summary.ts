import { IsUUID } from 'class-validator';
import type { Locale } from '../locale';

export class BatchSummaryQuery {
  @IsUUID('4')
  batchId: string;
}

/** Who gets the summary mail of a finished batch, and what to name in it. */
export interface BatchSummaryRecipient {
  batchId: string;
  adminEmail: string;
  locale: Locale;
  organizationName: string;
  source: 'emails' | 'csv';
  fileName: string | null;
}
