import type { RowOutcome } from './row-outcome';

/** The phases whose jobs report per chunk. */
export type ReportedPhase = 'validate' | 'commit';

/** What validating a chunk found. */
export interface ValidatedChunk {
  rows: number;
  valid: number;
}

/** What committing a chunk did: how many of its valid rows became accounts, how many invitations, how many failed. */
export interface CommittedChunk {
  chunk: number;
  created: number;
  invited: number;
  failed: number;
}

/**
 * A committed chunk's report: its tally, and the rows that did not simply become what they were
 * reviewed as (failed, renamed, with a notice, or invited though reviewed as a business account).
 * Every other valid row of the chunk was created as reviewed, or invited if it was an invitation
 * row, so no outcome is written per row.
 */
export interface CommitReport extends CommittedChunk {
  notableOutcomes: RowOutcome[];
}
