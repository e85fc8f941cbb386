import { Injectable } from '@nestjs/common';
import { type BatchRowView, ErrorCode, type UpdateBatchRowCommand } from '@app/contracts';
import { validateAccountName } from '../account-names/account-name';
import { ReservationsRepository } from '../accounts/persistence/reservations.repository';
import { PasswordHasher } from '../credentials/password-hasher';
import { checkPasswordPolicy } from '../credentials/password-policy';
import { DomainError } from '../rpc/domain.error';
import { BatchLookup } from './batch-lookup';
import { toBatchRowView } from './batch-view';
import { type BatchRow, nameSourceOf } from './batch-row';
import { BatchRowsRepository } from './persistence/batch-rows.repository';
import { ChunkSnapshotsRepository } from './persistence/chunk-snapshots.repository';
import { MemberBatchesRepository } from './persistence/member-batches.repository';
import { AccountNamePicker } from './row-validation/account-name-picker';
import { InMemoryNameClaims } from './row-validation/name-claims';
import { NameHolds } from './row-validation/name-holds';
import { BatchRowsValidator } from './row-validation/batch-rows.validator';
import { RowProblems } from './row-validation/row-problems';
import type { MemberBatch } from './member-batch';

const NAME_CODES: string[] = [ErrorCode.InvalidAccountName, ErrorCode.AccountNameTaken];

function emptyToNull(value: string | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value.trim() || null;
}

/** Whether the edit touches what the account is made of: an invitation row has its account's own. */
function editsAccount(patch: UpdateBatchRowCommand['patch']): boolean {
  return patch.accountName !== undefined || patch.firstName !== undefined || patch.lastName !== undefined || patch.password !== undefined;
}

/** An invitation row's account name, names and password are its personal account's: not the admin's to set. */
function refuseInvitationEdit(row: BatchRow, patch: UpdateBatchRowCommand['patch']): void {
  if (!row.invitee || !editsAccount(patch)) return;
  throw new DomainError(
    ErrorCode.InvitationNotEditable,
    `${row.email} belongs to a personal account, which the commit invites: its account name, names and password are the person's own and cannot be edited.`,
  );
}

/**
 * The admin's edit of one row under review: another account name, names, a password set on the
 * member's behalf (none of them on an invitation row), or adding a row the directory disabled anyway. The row is checked again and
 * answered; a refused name comes back with fresh suggestions.
 */
@Injectable()
export class UpdateBatchRowUseCase {
  constructor(
    private readonly lookup: BatchLookup,
    private readonly batches: MemberBatchesRepository,
    private readonly rows: BatchRowsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly nameHolds: NameHolds,
    private readonly names: AccountNamePicker,
    private readonly hasher: PasswordHasher,
    private readonly snapshots: ChunkSnapshotsRepository,
    private readonly validator: BatchRowsValidator,
  ) {}

  async execute(command: UpdateBatchRowCommand): Promise<BatchRowView> {
    // Both reads scan a collection on FerretDB: they run side by side.
    const [batch, row] = await Promise.all([this.lookup.find(command.organizationId, command.batchId), this.rows.findInBatch(command.batchId, command.rowId)]);
    if (!row) throw DomainError.notFound('This row');
    if (batch.status !== 'ready') {
      throw new DomainError(ErrorCode.BatchNotEditable, `Rows can be edited only while the batch is ready for review; it is ${batch.status}.`);
    }

    const { patch } = command;
    refuseInvitationEdit(row, patch);
    // Added anyway, the row is as validation would have left it without the directory's word; the rest of the edit applies to that.
    const base = patch.addAnyway ? await this.addAnyway(batch, row) : row;
    // Added anyway, it may turn out to be an invitation (holding no address nor name of its own): the edit is refused whole.
    refuseInvitationEdit(base, patch);
    const updated: BatchRow = {
      ...base,
      firstName: emptyToNull(patch.firstName, base.firstName),
      lastName: emptyToNull(patch.lastName, base.lastName),
    };
    const namesChanged = updated.firstName !== base.firstName || updated.lastName !== base.lastName;
    const emailProblems = base.problems.filter((problem) => !NAME_CODES.includes(problem.code));
    const canHaveAccount = emailProblems.length === 0;

    let nameSettled = false;
    if (canHaveAccount && patch.accountName !== undefined) {
      await this.chooseAccountName(updated, patch.accountName.trim().toLowerCase());
      nameSettled = true;
    } else if (canHaveAccount && namesChanged && !base.accountNameChosen) {
      const [suggestions] = await this.names.suggest([this.nameRequest(updated)], this.nameHolds.forBatch(row.batchId, true));
      updated.suggestions = suggestions;
      updated.accountName = suggestions[0] ?? null;
    }
    const releasedName = base.accountName && updated.accountName !== base.accountName ? base.accountName : null;
    if (updated.accountName !== base.accountName) {
      // It said which name the file's user name became; the row no longer has that name.
      updated.notices = base.notices.filter((notice) => notice.code !== ErrorCode.AccountNameAdjusted);
    }
    // A name the directory asked for and that was refused stays a problem until the admin picks one.
    const nameProblems = nameSettled ? [] : base.problems.filter((problem) => NAME_CODES.includes(problem.code));
    updated.problems = [...emailProblems, ...nameProblems];

    if (patch.password !== undefined) {
      const weak = checkPasswordPolicy(patch.password, { accountName: updated.accountName ?? undefined, email: row.emailNormalized });
      if (weak) throw new DomainError(weak.code, weak.message, [{ field: 'password', code: weak.code, message: weak.message }]);
      updated.passwordHash = await this.hasher.hash(patch.password);
    }
    updated.status = updated.problems.length > 0 ? 'invalid' : 'valid';

    await Promise.all([
      releasedName ? this.reservations.releaseName(releasedName, row._id) : undefined,
      this.saveRow(batch._id, row, updated),
    ]);
    return toBatchRowView(updated);
  }

  /**
   * A row the directory marks as disabled, added all the same: it holds its address and gets an
   * account name as the validation of its file would have given it (or the problem that stops it,
   * such as an address already a member's). A row without that problem is left as it is.
   */
  private async addAnyway(batch: MemberBatch, row: BatchRow): Promise<BatchRow> {
    if (!row.problems.some((problem) => problem.code === ErrorCode.AccountDisabledInDirectory)) return row;
    const added: BatchRow = {
      ...row,
      problems: row.problems.filter((problem) => problem.code !== ErrorCode.AccountDisabledInDirectory),
      notices: [...row.notices, RowProblems.addedAnyway()],
    };
    if (added.problems.length === 0) {
      await this.validator.holdEmails(batch.organizationId, [added]);
      await this.validator.checkRows([added], this.validator.nameClaimsOf(batch._id, true));
    }
    return added;
  }

  private async saveRow(batchId: string, row: BatchRow, updated: BatchRow): Promise<void> {
    // The chunk's snapshot would hide this edit from the commit: it goes first.
    await this.snapshots.discard(batchId, row.chunk);
    await this.rows.update(updated);
    // Counting the batch's rows again would read every batch's rows on FerretDB.
    if (updated.status !== row.status) await this.batches.moveCount(batchId, row.chunk, row.status, updated.status);
  }

  /** The admin picked a name: it must be valid and free in the system (no other row or member holds it); the row then holds it. */
  private async chooseAccountName(row: BatchRow, name: string): Promise<void> {
    const invalid = validateAccountName(name);
    if (invalid) {
      const suggestions = await this.freshSuggestions(row);
      throw new DomainError(invalid.code, invalid.message, [{ field: 'accountName', code: invalid.code, message: invalid.message, suggestions }]);
    }
    const refused = await this.reservations.holdNames([{ name, batchId: row.batchId, rowId: row._id }], true);
    if (refused.has(name)) {
      const suggestions = await this.freshSuggestions(row);
      const message = `The account name "${name}" is already taken; pick one of the suggestions.`;
      throw new DomainError(ErrorCode.AccountNameTaken, message, [{ field: 'accountName', code: ErrorCode.AccountNameTaken, message, suggestions }]);
    }
    row.accountName = name;
    row.accountNameChosen = true;
    if (!row.suggestions.includes(name)) row.suggestions = [name, ...row.suggestions];
  }

  /** Names to pick from, not known taken; they hold nothing until picked. */
  private async freshSuggestions(row: BatchRow): Promise<string[]> {
    const [suggestions] = await this.names.suggest([this.nameRequest(row)], new InMemoryNameClaims());
    return suggestions;
  }

  private nameRequest(row: BatchRow) {
    return { rowId: row._id, source: nameSourceOf(row) };
  }
}
