import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ACCOUNT_CREATED_VERSION, type AccountCreatedEvent, type Locale, type RowProblem } from '@app/contracts';
import { accountNameCandidates } from '../../account-names/account-name-candidates';
import { firstAccountNames } from '../../account-names/suggest-account-names';
import type { Account } from '../../accounts/persistence/account.schema';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { OrganizationsRepository } from '../../organizations/persistence/organizations.repository';
import type { BatchRow } from '../persistence/batch-row.schema';
import { type BatchRowChanges, BatchRowsRepository } from '../persistence/batch-rows.repository';
import type { MemberBatch } from '../persistence/member-batch.schema';
import { RowProblems } from '../row-validation/row-problems';

/** Names tried for a row whose account name was taken between review and commit. */
const REPLACEMENT_TRIES = 20;

type Outcome = { rowId: string; changes: BatchRowChanges };

/**
 * Creates the business accounts of one chunk's valid rows. Idempotent: an account's id is its
 * row's id, so a redelivered chunk finds the accounts it already created instead of duplicating.
 */
@Injectable()
export class CommitChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async process(batch: MemberBatch, chunk: number): Promise<number> {
    const rows = (await this.rows.findChunk(batch._id, chunk)).filter((row) => row.status === 'valid');
    if (rows.length === 0) return 0;
    const organization = await this.organizations.findById(batch.organizationId);
    const locale: Locale = organization?.locale ?? 'en';
    const byId = new Map(rows.map((row) => [row._id, row]));
    const refused = await this.accounts.insertMany(rows.map((row) => this.accountFor(batch, row, row.accountName!, locale)));
    const outcomes: Outcome[] = rows.filter((row) => !refused.has(row._id)).map((row) => this.created(row, row.accountName!));
    for (const rowId of refused) outcomes.push(await this.resolveRefused(batch, byId.get(rowId)!, locale));
    await this.rows.updateMany(outcomes);
    return rows.length;
  }

  /** Why did a unique index refuse the account? Already created, email taken, or name taken. */
  private async resolveRefused(batch: MemberBatch, row: BatchRow, locale: Locale): Promise<Outcome> {
    const existing = await this.accounts.findById(row._id);
    if (existing) return this.created(row, existing.accountName);
    const owner = await this.accounts.findByEmail(row.emailNormalized);
    if (owner) {
      const problem = owner.organizationId === batch.organizationId ? RowProblems.alreadyMember(row.emailNormalized) : RowProblems.emailInUse(row.emailNormalized);
      return this.failed(row, problem);
    }
    for (const name of this.replacementNames(row)) {
      if (await this.accounts.isAccountNameTaken(name)) continue;
      if ((await this.accounts.insertOne(this.accountFor(batch, row, name, locale))) === 'inserted') {
        return this.created(row, name, [RowProblems.accountNameReplaced(row.accountName!, name)]);
      }
      const raced = await this.accounts.findById(row._id);
      if (raced) return this.created(row, raced.accountName);
    }
    return this.failed(row, RowProblems.creationFailed('No free account name could be found for this row; pick another and commit again.'));
  }

  private replacementNames(row: BatchRow): string[] {
    const generated = firstAccountNames(
      accountNameCandidates({
        userName: row.userName ?? undefined,
        firstName: row.firstName ?? undefined,
        lastName: row.lastName ?? undefined,
        email: row.emailNormalized,
      }),
      REPLACEMENT_TRIES,
    );
    return [...new Set([...row.suggestions, ...generated])].filter((name) => name !== row.accountName);
  }

  private accountFor(batch: MemberBatch, row: BatchRow, accountName: string, locale: Locale): Account {
    const now = new Date();
    const event: AccountCreatedEvent = {
      id: randomUUID(),
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
      pendingEvent: event,
      eventPending: true,
    };
  }

  private created(row: BatchRow, accountName: string, notices: RowProblem[] = []): Outcome {
    return { rowId: row._id, changes: { status: 'created', memberId: row._id, accountName, notices: [...row.notices, ...notices] } };
  }

  private failed(row: BatchRow, problem: RowProblem): Outcome {
    return { rowId: row._id, changes: { status: 'failed', problems: [...row.problems, problem] } };
  }
}
