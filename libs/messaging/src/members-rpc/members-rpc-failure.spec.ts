import { TimeoutError } from 'rxjs';
import { MembersRpc } from '@app/contracts';
import { membersRpcFailure } from './members-rpc-failure';

describe('membersRpcFailure', () => {
  const pattern = MembersRpc.GetBatch;

  it.each<[string, unknown, unknown]>([
    ['no reply in time', new TimeoutError(), { kind: 'timed-out', pattern, timeoutMs: 3000 }],
    [
      'a domain error',
      { code: 'not_found', message: 'This batch was not found.' },
      { kind: 'refused', pattern, refusal: { code: 'not_found', message: 'This batch was not found.' } },
    ],
    [
      'a validation error with details',
      { code: 'validation_failed', message: 'batchId must be a UUID', details: [{ field: 'batchId' }] },
      { kind: 'refused', pattern, refusal: { code: 'validation_failed', message: 'batchId must be a UUID', details: [{ field: 'batchId' }] } },
    ],
    ['a broken connection', new Error('Connection closed'), { kind: 'unreachable', pattern, reason: 'Connection closed' }],
    ['something thrown that is not an error', 'disconnected', { kind: 'unreachable', pattern, reason: 'disconnected' }],
  ])('%s', (_, error, expected) => {
    expect(membersRpcFailure(pattern, error, 3000)).toEqual(expected);
  });
});
