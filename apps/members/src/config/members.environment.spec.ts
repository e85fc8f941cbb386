import { InvalidConfigurationError, loadEnvironment } from '@app/config';
import { MembersEnvironment } from './members.environment';

describe('INVITATION_TTL_HOURS', () => {
  it('is 336 hours (14 days) unless set, and a whole number of hours when set', () => {
    expect(loadEnvironment(MembersEnvironment, {}).INVITATION_TTL_HOURS).toBe(336);
    expect(loadEnvironment(MembersEnvironment, { INVITATION_TTL_HOURS: '1' }).INVITATION_TTL_HOURS).toBe(1);
    expect(loadEnvironment(MembersEnvironment, { INVITATION_TTL_HOURS: '2160' }).INVITATION_TTL_HOURS).toBe(2160);
  });

  it.each([
    ['0', 'INVITATION_TTL_HOURS must be at least 1'],
    ['2161', 'INVITATION_TTL_HOURS must be at most 2160'],
    ['1.5', 'INVITATION_TTL_HOURS must be a whole number of hours'],
    ['two weeks', 'INVITATION_TTL_HOURS must be a whole number of hours'],
  ])('refuses %s at start: %s', (value, message) => {
    expect(() => loadEnvironment(MembersEnvironment, { INVITATION_TTL_HOURS: value })).toThrow(InvalidConfigurationError);
    expect(() => loadEnvironment(MembersEnvironment, { INVITATION_TTL_HOURS: value })).toThrow(message);
  });
});
