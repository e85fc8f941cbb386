import { MembersRpc } from '@app/contracts';
import type { MembersRpcFailure } from '@app/messaging';
import { membersFailure } from './members-failure';

describe('membersFailure', () => {
  const pattern = MembersRpc.GetBatch;

  it.each<[string, MembersRpcFailure, number, object]>([
    [
      'an unknown batch',
      { kind: 'refused', pattern, refusal: { code: 'not_found', message: 'This batch was not found.' } },
      404,
      { statusCode: 404, code: 'not_found', message: 'This batch was not found.' },
    ],
    [
      'a refused request, with its details',
      { kind: 'refused', pattern, refusal: { code: 'validation_failed', message: 'batchId must be a UUID', details: [{ field: 'batchId' }] } },
      422,
      { statusCode: 422, code: 'validation_failed', message: 'batchId must be a UUID', details: [{ field: 'batchId' }] },
    ],
    [
      'a members failure',
      { kind: 'refused', pattern, refusal: { code: 'internal_error', message: 'The members service failed to handle the request.' } },
      500,
      { statusCode: 500, code: 'internal_error', message: 'The members service failed to handle the request.' },
    ],
    [
      'no answer',
      { kind: 'timed-out', pattern, timeoutMs: 3000 },
      503,
      { statusCode: 503, code: 'service_unavailable', message: 'The members service did not answer in time; try again shortly.' },
    ],
    [
      'a broken connection',
      { kind: 'unreachable', pattern, reason: 'Connection closed' },
      503,
      { statusCode: 503, code: 'service_unavailable', message: 'The members service cannot be reached; try again shortly.' },
    ],
  ])('%s', (_, failure, status, body) => {
    const exception = membersFailure(failure);

    expect(exception.getStatus()).toBe(status);
    expect(exception.getResponse()).toEqual(body);
  });
});
