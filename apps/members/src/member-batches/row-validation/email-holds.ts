import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { type EmailHold, ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import type { BatchRow } from '../batch-row';
import { MemberBatchesRepository } from '../persistence/member-batches.repository';
import { AddressVerificationRequests, type AddressVerificationRequest } from './address-verification-requests';
import { makeInvitation, personalAccountVerdict } from './personal-account-rows';
import { RowProblems } from './row-problems';

/**
 * Holds each row's address for it, so that a new address costs one insert however many members
 * exist. Only the addresses held already are looked into: an earlier line of the same batch has it
 * (`duplicate_in_batch`, so rows must be held in line order), a member has it (`already_member` in
 * this organization, `email_in_use` in another), or a batch being committed is about to; any other
 * holder is a row that may never become a member (a batch under review, abandoned or closed), so
 * the hold is taken over. A personal account's address makes the row an invitation of it when it
 * is verified and in no organization (the account keeps the hold); otherwise the row gets
 * `already_member`, `member_of_another_organization`, or `personal_account_unverified` with a mail
 * asking its person to verify the address. The accounts' unique index stays the last word at commit.
 */
@Injectable()
export class EmailHolds {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly batches: MemberBatchesRepository,
    private readonly verifications: AddressVerificationRequests,
  ) {}

  /** Adds a problem to each row, of those without one, whose address is taken. */
  async hold(organizationId: string, rows: BatchRow[]): Promise<void> {
    const candidates = rows.filter((row) => row.problems.length === 0);
    markDuplicates(candidates);
    const holding = candidates.filter((row) => row.problems.length === 0);
    if (holding.length === 0) return;
    const holds = new Map(holding.map((row) => [row.emailNormalized, { _id: row.emailNormalized, organizationId, batchId: row.batchId, rowId: row._id, line: row.line }]));
    const holders = await this.reservations.holdEmails([...holds.values()]);
    const others = [...holders.values()].filter((holder) => holder.rowId !== holds.get(holder._id)!.rowId);
    if (others.length === 0) return;
    const rowOf = new Map(holding.map((row) => [row.emailNormalized, row]));
    for (const holder of others.filter((candidate) => candidate.batchId === rowOf.get(candidate._id)!.batchId)) {
      rowOf.get(holder._id)!.problems.push(RowProblems.duplicateInBatch(holder.line));
    }
    await this.resolveHeldElsewhere(organizationId, others.filter((holder) => holder.batchId !== rowOf.get(holder._id)!.batchId), rowOf, holds);
  }

  private async resolveHeldElsewhere(
    organizationId: string,
    others: EmailHold[],
    rowOf: Map<string, BatchRow>,
    holds: Map<string, EmailHold>,
  ): Promise<void> {
    if (others.length === 0) return;
    const owners = new Map((await this.accounts.findExistingEmails(others.map((holder) => holder._id))).map((owner) => [owner.emailNormalized, owner]));
    const committing = await this.batches.committingAmong(others.filter((holder) => !owners.has(holder._id)).map((holder) => holder.batchId));
    const verifications: AddressVerificationRequest[] = [];
    const releasedNames: { name: string; rowId: string }[] = [];
    for (const holder of others) {
      const row = rowOf.get(holder._id)!;
      const account = owners.get(holder._id);
      if (account?.type === 'personal') {
        const verdict = personalAccountVerdict(organizationId, account);
        if (!verdict.invite) {
          row.problems.push(verdict.problem);
          if (verdict.verify) verifications.push({ rowId: row._id, account });
          continue;
        }
        const released = makeInvitation(row, account);
        if (released) releasedNames.push({ name: released, rowId: row._id });
        continue;
      }
      const owner = account ? account.organizationId : committing.has(holder.batchId) ? holder.organizationId : undefined;
      if (owner === undefined && (await this.reservations.takeOverEmail(holder.rowId, holds.get(holder._id)!))) continue;
      row.problems.push((owner ?? holder.organizationId) === organizationId ? RowProblems.alreadyMember(row.emailNormalized) : RowProblems.emailInUse(row.emailNormalized));
    }
    await Promise.all([this.verifications.send(verifications), ...releasedNames.map(({ name, rowId }) => this.reservations.releaseName(name, rowId))]);
  }
}

/** Later rows of these with an address an earlier one has (rows in line order). */
function markDuplicates(rows: BatchRow[]): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row.problems.length > 0) continue;
    const seen = firstLine.get(row.emailNormalized);
    if (seen === undefined) firstLine.set(row.emailNormalized, row.line);
    else row.problems.push(RowProblems.duplicateInBatch(seen));
  }
}
