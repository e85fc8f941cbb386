import { linkProblemFor } from './link-problem';

describe('linkProblemFor', () => {
  it.each([
    ['not_found', { status: 404, reason: 'unknown' }],
    ['activation_link_used', { status: 410, reason: 'used' }],
    ['activation_link_expired', { status: 410, reason: 'expired' }],
    ['service_unavailable', undefined],
    ['weak_password', undefined],
  ])('%s → %j', (code, expected) => {
    expect(linkProblemFor(code)).toEqual(expected);
  });
});
