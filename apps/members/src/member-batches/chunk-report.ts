import type { RowOutcome } from './row-outcome';

/** The phases whose jobs report per chunk. */
export type ReportedPhase = 'validate' | 'commit';

/** What validating a chunk found. */
export interface ValidatedChunk {
  rows: number;
  valid: number;
}

/** What committing a chunk did: how many of its valid rows became accounts, how many failed. */
export interface CommittedChunk {
  chunk: number;
  created: number;
  failed: number;
}

/**
 * A committed chunk's report: its tally, and the rows that did not simply become an account under
 * their reviewed name (failed, renamed, or with a notice). Every other valid row of the chunk was
 * created as reviewed, so no outcome is written per row.
 */
export interface CommitReport extends CommittedChunk {
  notableOutcomes: RowOutcome[];
}
