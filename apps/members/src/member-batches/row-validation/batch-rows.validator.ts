import { Injectable } from '@nestjs/common';
import type { RowProblem } from '@app/contracts';
import { validateAccountName } from '../../account-names/account-name';
import { requestedAccountName } from '../../account-names/requested-account-name';
import { isValidEmail, normalizeEmail } from '../../accounts/email-address';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import type { BatchRow } from '../persistence/batch-row.schema';
import { AccountNamePicker } from './account-name-picker';
import type { RowInput } from './row-input';
import { RowProblems } from './row-problems';

export interface ValidationScope {
  organizationId: string;
  batchId: string;
  chunkSize: number;
  newRowId: () => string;
}

function optional(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Turns typed or imported people into batch rows: every problem found (bad or duplicate email,
 * already a member, used elsewhere, unusable user name) and at least three free account names,
 * distinct from every other row's.
 */
@Injectable()
export class BatchRowsValidator {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly names: AccountNamePicker,
  ) {}

  async validate(scope: ValidationScope, inputs: RowInput[]): Promise<BatchRow[]> {
    const rows = inputs.map((input, index) => this.initialRow(scope, input, index));
    this.markDuplicates(rows);
    await this.markExistingEmails(scope.organizationId, rows);
    await this.assignAccountNames(rows);
    for (const row of rows) row.status = row.problems.length > 0 ? 'invalid' : 'valid';
    return rows;
  }

  private initialRow(scope: ValidationScope, input: RowInput, index: number): BatchRow {
    const email = input.email.trim();
    const emailNormalized = normalizeEmail(email);
    const problems: RowProblem[] = isValidEmail(emailNormalized) ? [] : [RowProblems.invalidEmail(email)];
    return {
      _id: scope.newRowId(),
      batchId: scope.batchId,
      organizationId: scope.organizationId,
      line: input.line,
      chunk: Math.floor(index / scope.chunkSize),
      email,
      emailNormalized,
      userName: optional(input.userName),
      firstName: optional(input.firstName),
      lastName: optional(input.lastName),
      accountName: null,
      accountNameChosen: false,
      suggestions: [],
      passwordHash: null,
      status: 'invalid',
      problems,
      notices: [],
      memberId: null,
    };
  }

  private markDuplicates(rows: BatchRow[]): void {
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      if (row.problems.length > 0) continue;
      const seen = firstLine.get(row.emailNormalized);
      if (seen === undefined) firstLine.set(row.emailNormalized, row.line);
      else row.problems.push(RowProblems.duplicateInBatch(seen));
    }
  }

  private async markExistingEmails(organizationId: string, rows: BatchRow[]): Promise<void> {
    const candidates = rows.filter((row) => row.problems.length === 0);
    const existing = await this.accounts.findExistingEmails(candidates.map((row) => row.emailNormalized));
    const owner = new Map(existing.map((account) => [account.emailNormalized, account.organizationId]));
    for (const row of candidates) {
      const organization = owner.get(row.emailNormalized);
      if (organization === undefined) continue;
      row.problems.push(organization === organizationId ? RowProblems.alreadyMember(row.emailNormalized) : RowProblems.emailInUse(row.emailNormalized));
    }
  }

  /**
   * Names asked for by the directory come first (the earlier line wins a name two lines ask for);
   * then every row gets suggestions that avoid all of them and each other.
   */
  private async assignAccountNames(rows: BatchRow[]): Promise<void> {
    const named = rows.filter((row) => row.problems.length === 0);
    const claimed = new Set<string>();
    const requested = named.map((row) => (row.userName ? requestedAccountName(row.userName) : null));
    const takenRequested = await this.accounts.findTakenAccountNames(requested.filter((name): name is string => name !== null));
    for (const [index, row] of named.entries()) {
      const wanted = requested[index];
      if (wanted === null) continue;
      row.accountNameChosen = true;
      const invalid = validateAccountName(wanted);
      if (invalid) row.problems.push(invalid);
      else if (takenRequested.has(wanted) || claimed.has(wanted)) row.problems.push(RowProblems.accountNameTaken(wanted));
      else {
        row.accountName = wanted;
        claimed.add(wanted);
      }
    }
    const suggestions = await this.names.suggestForMany(
      named.map((row) => ({
        userName: row.userName ?? undefined,
        firstName: row.firstName ?? undefined,
        lastName: row.lastName ?? undefined,
        email: row.emailNormalized,
      })),
      claimed,
    );
    for (const [index, row] of named.entries()) {
      row.suggestions = row.accountName ? [row.accountName, ...suggestions[index]] : suggestions[index];
      row.accountName ??= row.suggestions[0] ?? null;
    }
  }
}
