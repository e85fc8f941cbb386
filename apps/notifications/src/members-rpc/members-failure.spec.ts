import { TimeoutError } from 'rxjs';
import { NothingToSend, PermanentFailure } from '../mail-delivery/delivery-failures';
import { membersFailure } from './members-failure';

describe('membersFailure', () => {
  const pattern = 'activation.issue-link';

  it.each<[string, unknown, string, string]>([
    ['an unknown member', { code: 'not_found', message: 'This member was not found.' }, 'NothingToSend', 'members answered activation.issue-link with not_found: This member was not found.'],
    ['an active member', { code: 'already_active', message: 'Already activated.' }, 'NothingToSend', 'members answered activation.issue-link with already_active: Already activated.'],
    ['a refused request', { code: 'validation_failed', message: 'memberId must be a UUID' }, 'PermanentFailure', 'members answered activation.issue-link with validation_failed: memberId must be a UUID'],
    ['a members failure', { code: 'internal_error', message: 'The members service failed.' }, 'Error', 'members answered activation.issue-link with internal_error: The members service failed.'],
    ['no answer', new TimeoutError(), 'Error', 'members did not answer activation.issue-link within 3000 ms'],
    ['a broken connection', new Error('Connection closed'), 'Error', 'members could not be asked activation.issue-link: Connection closed'],
  ])('%s', (_, error, kind, reason) => {
    const failure = membersFailure(pattern, error, 3000);

    const kindOf = failure instanceof NothingToSend ? 'NothingToSend' : failure instanceof PermanentFailure ? 'PermanentFailure' : 'Error';
    expect(kindOf).toBe(kind);
    expect(failure.message).toBe(reason);
  });
});
