import { Injectable } from '@nestjs/common';
import { MessagePriority, type RowProblem } from '@app/contracts';
import { accountNameCandidates } from '../../account-names/account-name-candidates';
import { firstAccountNames } from '../../account-names/suggest-account-names';
import type { Account } from '../../accounts/account';
import { AccountsRepository } from '../../accounts/persistence/accounts.repository';
import { DeletedAccountsRepository } from '../../accounts/persistence/deleted-accounts.repository';
import { ReservationsRepository } from '../../accounts/persistence/reservations.repository';
import { chunkId, nameSourceOf, rowToCommit, type RowToCommit } from '../batch-row';
import { BatchRowsRepository } from '../persistence/batch-rows.repository';
import { ChunkReportsRepository } from '../persistence/chunk-reports.repository';
import type { MemberBatch } from '../member-batch';
import { InvitationIssuer } from '../../invitations/invitation-issuer';
import { createdOutcome, invitedOutcome, type RowOutcome } from '../row-outcome';
import { AddressVerificationRequests, type AddressVerificationRequest } from '../row-validation/address-verification-requests';
import { personalAccountVerdict } from '../row-validation/personal-account-rows';
import { RowProblems } from '../row-validation/row-problems';
import { AccountCreatedPublisher } from '../account-created/account-created.publisher';
import type { CommittingOrganization } from './batch-work.queue';

/** Names tried for a row whose account name was taken between review and commit. */
const REPLACEMENT_TRIES = 20;

/** A row of the chunk that invites a personal account; `late`: the row was reviewed as a business account. */
interface ChunkInvitee {
  row: RowToCommit;
  accountId: string;
  accountName: string;
  late: boolean;
}

/**
 * What the report must keep: every row that did not simply become what it was reviewed as (an
 * account under its name, or the invitation it was), since the others are derived from the rows.
 */
function isNotable(outcome: RowOutcome, row: RowToCommit): boolean {
  if (outcome.status === 'failed' || outcome.notices.length > 0 || outcome.accountName !== row.accountName) return true;
  return (outcome.status === 'invited') !== Boolean(row.invitee);
}

/**
 * Creates the business accounts of one chunk's valid rows, publishes their AccountCreated events,
 * invites the personal accounts of its invitation rows, then reports the chunk committed with its
 * notable outcomes. Idempotent: an account's id is its row's id (and an invitation's), so a
 * redelivered chunk finds the accounts and invitations it already made instead of duplicating,
 * and the outbox entry and the report can each be written only once.
 */
@Injectable()
export class CommitChunkProcessor {
  constructor(
    private readonly rows: BatchRowsRepository,
    private readonly accounts: AccountsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly reports: ChunkReportsRepository,
    private readonly events: AccountCreatedPublisher,
    private readonly deleted: DeletedAccountsRepository,
    private readonly invitations: InvitationIssuer,
    private readonly verifications: AddressVerificationRequests,
  ) {}

  /**
   * `organization`: its name and language, for the accounts and their events. `carried`: the chunk's valid
   * rows as read when the commit was scheduled; without them they are read here. `mayBeCommitted`:
   * the job was delivered or queued before, so its chunk may be done (otherwise the check is
   * skipped: on FerretDB every look-up reads its whole collection). Answers how many rows the
   * chunk had to commit.
   */
  async process(batch: MemberBatch, chunk: number, organization: CommittingOrganization, carried: RowToCommit[] | undefined, mayBeCommitted: boolean): Promise<number> {
    if (mayBeCommitted && (await this.reports.isCommitted(batch._id, chunk))) return 0;
    const chunkRows = carried ?? (await this.rows.findChunk(batch._id, chunk)).filter((row) => row.status === 'valid').map(rowToCommit);
    const accountRows = chunkRows.filter((row) => !row.invitee);
    // A job redone after some of its accounts were created and then deleted must not create them again: they count as created, with no event.
    const deletedSince = mayBeCommitted ? await this.deleted.deletedAmong(accountRows.map((row) => row._id)) : new Set<string>();
    const rows = accountRows.filter((row) => !deletedSince.has(row._id));
    const now = new Date();
    const refused = await this.accounts.insertMany(rows.map((row) => this.accountFor(batch, chunk, row, row.accountName!, organization, now)));
    const outcomes: RowOutcome[] = rows.filter((row) => !refused.has(row._id)).map((row) => createdOutcome(row, row.accountName!));
    const late = await this.resolveRefused(batch, chunk, rows.filter((row) => refused.has(row._id)), organization, now);
    outcomes.push(...late.outcomes);
    const invitees = chunkRows.filter((row) => row.invitee).map((row) => ({ row, accountId: row.invitee!.accountId, accountName: row.accountName!, late: false }));
    // Invitations before the chunk counts as committed, as the events: after that, nothing would issue them again.
    outcomes.push(...(await this.invite(batch, organization, [...invitees, ...late.invitees])));
    outcomes.sort((a, b) => a.line - b.line);

    const byId = new Map(chunkRows.map((row) => [row._id, row]));
    const created = outcomes.filter((outcome) => outcome.status === 'created');
    const invited = outcomes.filter((outcome) => outcome.status === 'invited');
    // Events before the chunk counts as committed: after that, nothing would send them again.
    await this.events.publish({
      id: chunkId(batch._id, chunk),
      organizationId: batch.organizationId,
      batchId: batch._id,
      locale: organization.locale,
      organizationName: organization.name,
      occurredAt: now,
      members: created.map((outcome) => {
        const row = byId.get(outcome.rowId)!;
        return {
          memberId: row._id,
          email: row.emailNormalized,
          accountName: outcome.accountName!,
          firstName: row.firstName,
          lastName: row.lastName,
          passwordSetByAdmin: row.passwordHash !== null,
        };
      }),
    }, batch.chunkCount <= 1 ? MessagePriority.Interactive : MessagePriority.Bulk);
    const notableOutcomes = outcomes.filter((outcome) => isNotable(outcome, byId.get(outcome.rowId)!));
    // An earlier attempt at the chunk may have reported first: its report stands.
    await this.reports.recordCommitted(batch._id, {
      chunk,
      created: created.length + deletedSince.size,
      invited: invited.length,
      failed: outcomes.length - created.length - invited.length,
      notableOutcomes,
    });
    return chunkRows.length;
  }

  /**
   * Invites the personal accounts of these rows (an invitation's id is its row's id, so a redone
   * chunk invites no one twice); the issuer refuses those that changed since the review.
   */
  private async invite(batch: MemberBatch, organization: CommittingOrganization, invitees: ChunkInvitee[]): Promise<RowOutcome[]> {
    if (invitees.length === 0) return [];
    const inviting = {
      organizationId: batch.organizationId,
      organizationName: organization.name,
      batchId: batch._id,
      // Batches committed before invitations do not name who committed them: the admin who started them.
      adminId: batch.committedByAdminId ?? batch.createdByAdminId,
    };
    const answered = new Map(
      (await this.invitations.inviteFromBatch(inviting, invitees.map(({ row, accountId }) => ({ invitationId: row._id, accountId })))).map((answer) => [answer.invitationId, answer]),
    );
    return invitees.map(({ row, accountId, accountName, late }) => {
      const answer = answered.get(row._id);
      if (!answer) throw new Error(`the invitation issuer did not answer for row ${row._id}`);
      if (answer.outcome === 'refused') return this.failed(row, answer.problem);
      return late ? { ...invitedOutcome(row, accountName), inviteeId: accountId } : invitedOutcome(row, accountName);
    });
  }

  /**
   * Why did a unique index refuse these accounts? Already created, email taken (by a member, or by
   * a personal account, which is invited as validation would have, or refused as it would have),
   * or name taken.
   */
  private async resolveRefused(
    batch: MemberBatch,
    chunk: number,
    rows: RowToCommit[],
    organization: CommittingOrganization,
    now: Date,
  ): Promise<{ outcomes: RowOutcome[]; invitees: ChunkInvitee[] }> {
    if (rows.length === 0) return { outcomes: [], invitees: [] };
    const existing = await this.accounts.accountNamesById(rows.map((row) => row._id));
    const missing = rows.filter((row) => !existing.has(row._id));
    const owners = new Map((await this.accounts.findExistingEmails(missing.map((row) => row.emailNormalized))).map((owner) => [owner.emailNormalized, owner]));
    const outcomes: RowOutcome[] = [];
    const invitees: ChunkInvitee[] = [];
    const verifications: AddressVerificationRequest[] = [];
    for (const row of rows) {
      const accountName = existing.get(row._id);
      const owner = owners.get(row.emailNormalized);
      if (accountName) outcomes.push(this.alreadyCreated(row, accountName));
      else if (owner?.type === 'personal') {
        const verdict = personalAccountVerdict(batch.organizationId, owner);
        if (verdict.invite) invitees.push({ row, accountId: owner._id, accountName: owner.accountName, late: true });
        else {
          outcomes.push(this.failed(row, verdict.problem));
          if (verdict.verify) verifications.push({ rowId: row._id, account: owner });
        }
      } else if (owner?.organizationId === batch.organizationId) outcomes.push(this.failed(row, RowProblems.alreadyMember(row.emailNormalized)));
      else if (owner) outcomes.push(this.failed(row, RowProblems.emailInUse(row.emailNormalized)));
      else outcomes.push(await this.createUnderAnotherName(batch, chunk, row, organization, now));
    }
    await this.verifications.send(verifications);
    return { outcomes, invitees };
  }

  private async createUnderAnotherName(batch: MemberBatch, chunk: number, row: RowToCommit, organization: CommittingOrganization, now: Date): Promise<RowOutcome> {
    for (const name of this.replacementNames(row)) {
      if ((await this.reservations.holdNames([{ name, batchId: batch._id, rowId: row._id }], true)).has(name)) continue;
      if ((await this.accounts.insertOne(this.accountFor(batch, chunk, row, name, organization, now))) === 'inserted') {
        return createdOutcome(row, name, [RowProblems.accountNameReplaced(row.accountName!, name)]);
      }
      const raced = await this.accounts.findById(row._id);
      if (raced) return this.alreadyCreated(row, raced.accountName);
    }
    return this.failed(row, RowProblems.creationFailed('No free account name could be found for this row; pick another and commit again.'));
  }

  /** Created by an earlier attempt at this chunk, perhaps under a replacement name. */
  private alreadyCreated(row: RowToCommit, accountName: string): RowOutcome {
    return createdOutcome(row, accountName, accountName === row.accountName ? [] : [RowProblems.accountNameReplaced(row.accountName!, accountName)]);
  }

  private replacementNames(row: RowToCommit): string[] {
    const generated = firstAccountNames(accountNameCandidates(nameSourceOf(row)), REPLACEMENT_TRIES);
    return [...new Set([...row.suggestions, ...generated])].filter((name) => name !== row.accountName);
  }

  private accountFor(batch: MemberBatch, chunk: number, row: RowToCommit, accountName: string, organization: CommittingOrganization, now: Date): Account {
    const passwordSet = row.passwordHash !== null;
    return {
      _id: row._id,
      organizationId: batch.organizationId,
      email: row.emailNormalized,
      emailNormalized: row.emailNormalized,
      accountName,
      firstName: row.firstName,
      lastName: row.lastName,
      // Pending until the member sets their own password: through the link, or by changing the
      // one the admin set (signing in with it alone answers password_change_required).
      status: 'pending_activation',
      passwordHash: row.passwordHash,
      mustChangePassword: passwordSet,
      locale: organization.locale,
      batchId: batch._id,
      chunk,
      createdAt: now,
      activatedAt: null,
    };
  }

  private failed(row: RowToCommit, problem: RowProblem): RowOutcome {
    return { rowId: row._id, line: row.line, status: 'failed', accountName: row.accountName, notices: [], problems: [problem] };
  }
}
