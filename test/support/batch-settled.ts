import type { MemberBatchView } from '@app/contracts';
import { eventually, type TestStack } from '@app/testing';

/** The batch once it reaches `status` (ready by default), read through the API; a failed batch fails the wait at once. */
export function batchSettled(stack: TestStack, auth: Record<string, string>, batchId: string, status = 'ready'): Promise<MemberBatchView> {
  return eventually(async () => {
    const response = await stack.http().get(`/api/v1/member-batches/${batchId}`).set(auth);
    if (response.body.status === 'failed') throw new Error(`batch failed: ${response.body.failureReason}`);
    return response.body.status === status ? (response.body as MemberBatchView) : undefined;
  }, 60_000, `batch ${batchId} ${status}`);
}
