import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { ErrorCode, IDEMPOTENCY_KEY_PATTERN, MembersRpc, type RowProblem } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { ApiException } from '../../http/api.exception';
import { CsvUploadUseCase, type ReceivedFile } from '../../uploads/csv-upload.usecase';

export interface AddMembersForm {
  emails?: unknown;
  /** Made when the page was shown: a second click on Next answers the same batch. */
  requestKey?: unknown;
}

export type AddMembersOutcome = { added: true; batchId: string } | { added: false; status: number; problem: RowProblem | 'add.nothing' | 'add.both'; emails: string };

/** Add members → Create business accounts: typed addresses or a directory CSV, as the API takes them. */
@Injectable()
export class AddMembersUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly csvUpload: CsvUploadUseCase,
  ) {}

  async execute(admin: AdminPrincipal, form: AddMembersForm, file: ReceivedFile | undefined): Promise<AddMembersOutcome> {
    const emails = typeof form.emails === 'string' ? form.emails.slice(0, 500_000) : '';
    const idempotencyKey = typeof form.requestKey === 'string' && IDEMPOTENCY_KEY_PATTERN.test(form.requestKey) ? form.requestKey : undefined;
    if (file && emails.trim()) {
      await rm(file.path, { force: true });
      return { added: false, status: 422, problem: 'add.both', emails };
    }
    if (!file && !emails.trim()) return { added: false, status: 422, problem: 'add.nothing', emails };
    try {
      const batch = file
        ? await this.csvUpload.execute(admin, file, idempotencyKey)
        : await this.members.send(MembersRpc.CreateEmailBatch, { ...admin, emails, idempotencyKey });
      return { added: true, batchId: batch.id };
    } catch (error) {
      const refusal = error instanceof ApiException && error.getStatus() < 500 ? (error.getResponse() as { code?: string; message?: string }) : undefined;
      if (!refusal) throw error;
      return { added: false, status: (error as ApiException).getStatus(), problem: { code: refusal.code ?? ErrorCode.ValidationFailed, message: refusal.message ?? '' }, emails };
    }
  }
}
