import { Injectable } from '@nestjs/common';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedEvent, type Locale, type RowProblem } from '@app/contracts';
import { accountNameCandidates } from '../../account-names/account-name-candidates';
import { firstAccountNames } from '../../account-names/suggest-account-names';
import type { Account } from '../../accounts/persistence/account.schema';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { OrganizationsRepository } from '../../organizations/persistence/organizations.repository';
import { deterministicUuid } from '../../persistence/deterministic-uuid';
import { type BatchRow, nameSourceOf } from '../persistence/batch-row.schema';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import { commitResultId, type RowOutcome } from '../persistence/commit-result.schema';
import { ChunkSnapshotsRepository } from '../persistence/chunk-snapshots.repository';
import { CommitResultsRepository } from '../persistence/commit-results.repository';
import type { MemberBatch } from '../persistence/member-batch.schema';
import { RowProblems } from '../row-validation/row-problems';

/** Names tried for a row whose account name was taken between review and commit. */
const REPLACEMENT_TRIES = 20;

/**
 * Creates the business accounts of one chunk's valid rows, then writes the chunk's commit result
 * (row outcomes and AccountCreated events) as one document. Idempotent: an account's id is its
 * row's id, so a redelivered chunk finds the accounts it already created instead of duplicating,
 * and the result document can only be written once.
 */
@Injectable()
export class CommitChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly results: CommitResultsRepository,
    private readonly snapshots: ChunkSnapshotsRepository,
  ) {}

  /** Answers how many rows the chunk had to commit. */
  async process(batch: MemberBatch, chunk: number): Promise<number> {
    if (await this.results.exists(batch._id, chunk)) return 0;
    const written = (await this.snapshots.find(batch._id, chunk)) ?? (await this.rows.findChunk(batch._id, chunk));
    const rows = written.filter((row) => row.status === 'valid');
    const organization = await this.organizations.findById(batch.organizationId);
    const locale: Locale = organization?.locale ?? 'en';
    const now = new Date();
    const refused = await this.accounts.insertMany(rows.map((row) => this.accountFor(batch, row, row.accountName!, locale, now)));
    const outcomes: RowOutcome[] = rows.filter((row) => !refused.has(row._id)).map((row) => this.created(row, row.accountName!));
    for (const row of rows.filter((candidate) => refused.has(candidate._id))) outcomes.push(await this.resolveRefused(batch, row, locale, now));
    outcomes.sort((a, b) => a.line - b.line);

    const byId = new Map(rows.map((row) => [row._id, row]));
    const created = outcomes.filter((outcome) => outcome.status === 'created');
    await this.results.insert({
      _id: commitResultId(batch._id, chunk),
      batchId: batch._id,
      chunk,
      created: created.length,
      failed: outcomes.length - created.length,
      outcomes,
      events: created.map((outcome) => this.accountCreated(batch, byId.get(outcome.rowId)!, outcome.accountName!, locale, now)),
      eventsPending: created.length > 0,
      completedAt: now,
    });
    return rows.length;
  }

  /** Why did a unique index refuse the account? Already created, email taken, or name taken. */
  private async resolveRefused(batch: MemberBatch, row: BatchRow, locale: Locale, now: Date): Promise<RowOutcome> {
    const existing = await this.accounts.findById(row._id);
    if (existing) return this.created(row, existing.accountName);
    const owner = await this.accounts.findByEmail(row.emailNormalized);
    if (owner) {
      const problem = owner.organizationId === batch.organizationId ? RowProblems.alreadyMember(row.emailNormalized) : RowProblems.emailInUse(row.emailNormalized);
      return this.failed(row, problem);
    }
    for (const name of this.replacementNames(row)) {
      if (await this.accounts.isAccountNameTaken(name)) continue;
      if ((await this.accounts.insertOne(this.accountFor(batch, row, name, locale, now))) === 'inserted') {
        return this.created(row, name, [RowProblems.accountNameReplaced(row.accountName!, name)]);
      }
      const raced = await this.accounts.findById(row._id);
      if (raced) return this.created(row, raced.accountName);
    }
    return this.failed(row, RowProblems.creationFailed('No free account name could be found for this row; pick another and commit again.'));
  }

  private replacementNames(row: BatchRow): string[] {
    const generated = firstAccountNames(
      accountNameCandidates(nameSourceOf(row)),
      REPLACEMENT_TRIES,
    );
    return [...new Set([...row.suggestions, ...generated])].filter((name) => name !== row.accountName);
  }

  private accountFor(batch: MemberBatch, row: BatchRow, accountName: string, locale: Locale, now: Date): Account {
    const passwordSet = row.passwordHash !== null;
    return {
      _id: row._id,
      organizationId: batch.organizationId,
      email: row.emailNormalized,
      emailNormalized: row.emailNormalized,
      accountName,
      firstName: row.firstName,
      lastName: row.lastName,
      // A password set by the admin lets the member sign in at once, and must be changed then.
      status: passwordSet ? 'active' : 'pending_activation',
      passwordHash: row.passwordHash,
      mustChangePassword: passwordSet,
      locale,
      batchId: batch._id,
      createdAt: now,
      activatedAt: null,
    };
  }

  private accountCreated(batch: MemberBatch, row: BatchRow, accountName: string, locale: Locale, now: Date): AccountCreatedEvent {
    return {
      // The same id every time for a member's AccountCreated: a chunk committed again repeats, not adds.
      id: deterministicUuid(`AccountCreated:${row._id}`),
      type: 'AccountCreated',
      version: ACCOUNT_CREATED_VERSION,
      occurredAt: now.toISOString(),
      organizationId: batch.organizationId,
      data: {
        memberId: row._id,
        email: row.emailNormalized,
        accountName,
        firstName: row.firstName,
        lastName: row.lastName,
        accountType: 'business',
        locale,
        batchId: batch._id,
      },
    };
  }

  private created(row: BatchRow, accountName: string, notices: RowProblem[] = []): RowOutcome {
    return { rowId: row._id, line: row.line, status: 'created', accountName, notices, problems: [] };
  }

  private failed(row: BatchRow, problem: RowProblem): RowOutcome {
    return { rowId: row._id, line: row.line, status: 'failed', accountName: row.accountName, notices: [], problems: [...row.problems, problem] };
  }
}
