import { MembersRpc } from '@app/contracts';
import type { MembersRpcFailure } from '@app/messaging';
import { NothingToSend, PermanentFailure } from '../delivery-failures/delivery-failures';
import { membersFailure } from './members-failure';

describe('membersFailure', () => {
  const pattern = MembersRpc.IssueActivationLinks;

  it.each<[string, MembersRpcFailure, string, string]>([
    ['an unknown member', { kind: 'refused', pattern, refusal: { code: 'not_found', message: 'This member was not found.' } }, 'NothingToSend', 'members answered activation.issue-links with not_found: This member was not found.'],
    ['an active member', { kind: 'refused', pattern, refusal: { code: 'already_active', message: 'Already activated.' } }, 'NothingToSend', 'members answered activation.issue-links with already_active: Already activated.'],
    ['a refused request', { kind: 'refused', pattern, refusal: { code: 'validation_failed', message: 'memberId must be a UUID' } }, 'PermanentFailure', 'members answered activation.issue-links with validation_failed: memberId must be a UUID'],
    ['a members failure', { kind: 'refused', pattern, refusal: { code: 'internal_error', message: 'The members service failed.' } }, 'Error', 'members answered activation.issue-links with internal_error: The members service failed.'],
    ['no answer', { kind: 'timed-out', pattern, timeoutMs: 3000 }, 'Error', 'members did not answer activation.issue-links within 3000 ms'],
    ['a broken connection', { kind: 'unreachable', pattern, reason: 'Connection closed' }, 'Error', 'members could not be asked activation.issue-links: Connection closed'],
  ])('%s', (_, rpcFailure, kind, reason) => {
    const failure = membersFailure(rpcFailure);

    const kindOf = failure instanceof NothingToSend ? 'NothingToSend' : failure instanceof PermanentFailure ? 'PermanentFailure' : 'Error';
    expect(kindOf).toBe(kind);
    expect(failure.message).toBe(reason);
  });
});
