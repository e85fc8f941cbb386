import { InvalidConfigurationError, loadEnvironment } from '@app/config';
import { MembersEnvironment } from '../config/members.environment';

describe('AUDIT_RETENTION_DAYS', () => {
  it('keeps audit events 400 days unless told', () => {
    expect(loadEnvironment(MembersEnvironment, {}).AUDIT_RETENTION_DAYS).toBe(400);
    expect(loadEnvironment(MembersEnvironment, { AUDIT_RETENTION_DAYS: '30' }).AUDIT_RETENTION_DAYS).toBe(30);
  });

  it.each([
    ['0', 'AUDIT_RETENTION_DAYS must be at least 1'],
    ['1.5', 'AUDIT_RETENTION_DAYS must be a whole number of days'],
    ['forever', 'AUDIT_RETENTION_DAYS must be a whole number of days'],
    ['36501', 'AUDIT_RETENTION_DAYS must be at most 36500'],
  ])('refuses %s at start, naming the variable', (value, message) => {
    expect(() => loadEnvironment(MembersEnvironment, { AUDIT_RETENTION_DAYS: value })).toThrow(InvalidConfigurationError);
    expect(() => loadEnvironment(MembersEnvironment, { AUDIT_RETENTION_DAYS: value })).toThrow(message);
  });
});
