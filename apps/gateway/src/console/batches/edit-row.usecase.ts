import { Injectable } from '@nestjs/common';
import { ErrorCode, MembersRpc, type RowProblem } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { ApiException } from '../../http/api.exception';
import { ROW_CHANGES, type RowEdit } from './row-edit';

export interface RowEditForm {
  change?: unknown;
  accountName?: unknown;
  /** A suggestion's button: it names the account without the typed field. */
  suggestion?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  password?: unknown;
}

export type RowEditOutcome = { saved: true } | { saved: false; status: number; edit: RowEdit };

/** Refusals the admin can act on from the row itself; anything else is the console's error page. */
const ROW_REFUSALS = new Set<string>([ErrorCode.InvalidAccountName, ErrorCode.AccountNameTaken, ErrorCode.WeakPassword, ErrorCode.ValidationFailed]);

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * One change to a row under review, sent as the API's row PATCH: a new account name, the first
 * and last name, a password set for the member, or adding a row the directory disabled anyway.
 * Only the fields of that change are sent.
 */
@Injectable()
export class EditRowUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, batchId: string, rowId: string, form: RowEditForm): Promise<RowEditOutcome> {
    const change = ROW_CHANGES.find((candidate) => candidate === form.change);
    if (!change) throw new ApiException(422, ErrorCode.ValidationFailed, 'Unknown change.');
    const values =
      change === 'name'
        ? { accountName: text(typeof form.suggestion === 'string' ? form.suggestion : form.accountName, 64).trim() }
        : change === 'names'
          ? { firstName: text(form.firstName, 100), lastName: text(form.lastName, 100) }
          : {};
    const patch = change === 'password' ? { password: text(form.password, 1024) } : change === 'addAnyway' ? { addAnyway: true as const } : values;
    try {
      await this.members.send(MembersRpc.UpdateBatchRow, { ...admin, batchId, rowId, patch });
      return { saved: true };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return { saved: false, status: refusal.status, edit: { rowId, change, values, problem: refusal.problem, suggestions: refusal.suggestions } };
    }
  }
}

function refusalOf(error: unknown): { status: number; problem: RowProblem; suggestions: string[] } | null {
  if (!(error instanceof ApiException)) return null;
  const body = error.getResponse() as { code?: string; message?: string; details?: unknown[] };
  if (!body.code || !ROW_REFUSALS.has(body.code)) return null;
  const suggestions = (body.details ?? []).flatMap((detail) =>
    typeof detail === 'object' && detail !== null && 'suggestions' in detail && Array.isArray(detail.suggestions) ? detail.suggestions.filter((name): name is string => typeof name === 'string') : [],
  );
  return { status: error.getStatus(), problem: { code: body.code, message: body.message ?? '' }, suggestions };
}
