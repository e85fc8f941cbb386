import { Injectable } from '@nestjs/common';
import { ErrorCode, type RowProblem } from '@app/contracts';
import { accountNameRequestedBy } from '../../account-names/requested-account-name';
import { isValidEmail, normalizeEmail } from '../../accounts/email-address';
import { type BatchRow, nameSourceOf } from '../batch-row';
import { AccountNamePicker, SUGGESTION_COUNT } from './account-name-picker';
import { EmailHolds } from './email-holds';
import { InMemoryNameClaims, type NameClaims } from './name-claims';
import { NameHolds } from './name-holds';
import type { RowInput } from './row-input';
import { RowProblems } from './row-problems';

interface ValidationScope {
  organizationId: string;
  batchId: string;
  chunkSize: number;
  newRowId: () => string;
}

const NAME_PROBLEMS = new Set<string>([ErrorCode.InvalidAccountName, ErrorCode.AccountNameTaken]);

/** What spreadsheets take for the start of a formula (`=cmd|calc@x.example` is a valid address). */
const FORMULA_START = /^[=+\-@]/;

/** Control characters in a name are debris of an export (and a NUL cannot be stored on FerretDB's PostgreSQL backend). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function optional(value: string | undefined): string | null {
  const trimmed = value?.replace(CONTROL_CHARACTERS, '').trim();
  return trimmed ? trimmed : null;
}

// "?" is what an ASCII export (Windows PowerShell 5.1's Export-Csv) writes for "è"; U+FFFD what a decoder writes for bytes it cannot read.
const LOST_CHARACTER = /[?\uFFFD]/;

/** The name, or null with a notice when the file lost some of its letters: a mangled name is never used. */
function withoutLostCharacters(field: string, value: string | null, notices: RowProblem[]): string | null {
  if (value === null || !LOST_CHARACTER.test(value)) return value;
  notices.push(RowProblems.nameCharactersLost(field, value));
  return null;
}

/**
 * Turns typed or imported people into batch rows: every problem found (bad or duplicate email,
 * already a member, used elsewhere, unusable user name, disabled in the directory), invitations of
 * the verified personal accounts in no organization whose addresses they are, notices that
 * leave the row valid (a user name respelled to be usable, names split from a display name or left
 * out for lost letters, an address from another column), and at least three free account names,
 * distinct from every other row's.
 */
@Injectable()
export class BatchRowsValidator {
  constructor(
    private readonly emails: EmailHolds,
    private readonly names: AccountNamePicker,
    private readonly nameHolds: NameHolds,
  ) {}

  /** The names a batch's rows hold in the whole system; `mayHoldAlready` for work done again. */
  nameClaimsOf(batchId: string, mayHoldAlready: boolean): NameClaims {
    return this.nameHolds.forBatch(batchId, mayHoldAlready);
  }

  /** A whole batch at once, in this process (what an admin typed). */
  async validate(scope: ValidationScope, inputs: RowInput[]): Promise<BatchRow[]> {
    const rows = inputs.map((input, index) => this.newRow(scope, input, index, [input.email]));
    await this.holdEmails(scope.organizationId, rows);
    await this.checkRows(rows, this.nameClaimsOf(scope.batchId, false));
    return rows;
  }

  /**
   * Holds the rows' addresses, in line order (the earlier line keeps an address two lines have):
   * a row whose address is on an earlier line, a member's, or about to be one, gets the problem.
   */
  holdEmails(organizationId: string, rows: BatchRow[]): Promise<void> {
    return this.emails.hold(organizationId, rows);
  }

  /**
   * The checks left once the rows hold their addresses: the asked-for name, suggestions, the
   * status. Safe to run again.
   */
  async checkRows(rows: BatchRow[], claims: NameClaims): Promise<void> {
    await this.assignAccountNames(rows, claims);
    for (const row of rows) row.status = row.problems.length > 0 ? 'invalid' : 'valid';
  }

  /** The row as read, with the problems it shows on its own; `cells` are the original values, for errors.csv. */
  newRow(scope: ValidationScope, input: RowInput, index: number, cells: string[]): BatchRow {
    const email = input.email.trim();
    const emailNormalized = normalizeEmail(email);
    const valid = isValidEmail(emailNormalized);
    const problems: RowProblem[] = valid ? [] : [RowProblems.invalidEmail(email)];
    // A row the directory disabled is not added unless the admin says so in the review.
    if (input.disabledInDirectory) problems.push(RowProblems.accountDisabledInDirectory(input.disabledInDirectory.column, input.disabledInDirectory.value));
    const notices: RowProblem[] = valid && FORMULA_START.test(email) ? [RowProblems.formulaLike(email)] : [];
    if (input.emailFromColumn) notices.push(RowProblems.emailFromOtherColumn(input.emailFromColumn));
    const userName = withoutLostCharacters('user name', optional(input.userName), notices);
    const firstName = withoutLostCharacters('first name', optional(input.firstName), notices);
    const lastName = withoutLostCharacters('last name', optional(input.lastName), notices);
    if (input.namesFromDisplayName && (firstName || lastName)) notices.push(RowProblems.namesSplitFromDisplayName(input.namesFromDisplayName, firstName, lastName));
    return {
      _id: scope.newRowId(),
      batchId: scope.batchId,
      organizationId: scope.organizationId,
      line: input.line,
      chunk: Math.floor(index / scope.chunkSize),
      email,
      emailNormalized,
      userName,
      firstName,
      lastName,
      accountName: null,
      accountNameChosen: false,
      suggestions: [],
      passwordHash: null,
      status: 'invalid',
      problems,
      notices,
      memberId: null,
      cells,
    };
  }

  /**
   * Names asked for by the directory come first (the earlier line wins a name two lines ask for),
   * if nobody in the system has them; then every row gets suggestions that avoid all of them and
   * each other.
   */
  private async assignAccountNames(rows: BatchRow[], claims: NameClaims): Promise<void> {
    // Rows whose only trouble is the name they asked for still need names to choose from; an invitation has its account's own.
    const named = rows.filter((row) => !row.invitee && row.problems.every((problem) => NAME_PROBLEMS.has(problem.code)));
    await this.settleRequestedNames(named, claims);
    // A row whose name is settled only needs alternatives, which hold nothing; the others get a name held for them.
    const settled = new Set(named.filter((row) => row.problems.length === 0 && row.accountName !== null));
    const unnamed = named.filter((row) => !settled.has(row));
    const requestOf = (row: BatchRow) => ({ rowId: row._id, source: nameSourceOf(row) });
    const alternatives = await this.names.suggest([...settled].map(requestOf), new InMemoryNameClaims());
    const picked = await this.names.suggest(unnamed.map(requestOf), claims);
    for (const [index, row] of [...settled].entries()) {
      row.suggestions = [row.accountName!, ...alternatives[index].filter((name) => name !== row.accountName)].slice(0, SUGGESTION_COUNT);
    }
    for (const [index, row] of unnamed.entries()) {
      row.suggestions = picked[index];
      row.accountName = row.suggestions[0] ?? null;
    }
  }

  /**
   * The account name a row's user name asks for, or the closest valid one (with a notice saying
   * so): refused when no valid name is close or when an earlier row asked for it, else held by the
   * row. Rows whose request was settled already (a file's rows, in line order, while it was read)
   * are left as they are.
   */
  async settleRequestedNames(rows: BatchRow[], claims: NameClaims): Promise<void> {
    const asking = rows.filter((row) => row.problems.length === 0 && row.userName !== null && !row.accountNameChosen);
    const claimable = new Map<string, BatchRow>();
    for (const row of asking) {
      row.accountNameChosen = true;
      const requested = accountNameRequestedBy(row.userName!);
      if ('refused' in requested) {
        row.problems.push(requested.refused);
        continue;
      }
      const wanted = requested.name;
      if (requested.adjusted) row.notices.push(RowProblems.accountNameAdjusted(row.userName!, wanted));
      if (claimable.has(wanted)) row.problems.push(RowProblems.accountNameTaken(wanted));
      else {
        row.accountName = wanted;
        claimable.set(wanted, row);
      }
    }
    const refused = await claims.claimRequested([...claimable.values()].map((row) => ({ name: row.accountName!, rowId: row._id })));
    for (const row of [...claimable.values()].filter((candidate) => refused.has(candidate.accountName!))) {
      row.problems.push(RowProblems.accountNameTaken(row.accountName!));
      row.accountName = null;
    }
  }
}
