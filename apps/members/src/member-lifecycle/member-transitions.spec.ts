import { ErrorCode } from '@app/contracts';
import { type MemberAction, type MemberState, transition } from './member-transitions';

describe('transition', () => {
  it.each<[MemberState, MemberAction, string]>([
    [{ status: 'pending_activation', activated: false }, 'suspend', 'suspended'],
    [{ status: 'active', activated: true }, 'suspend', 'suspended'],
    [{ status: 'suspended', activated: true }, 'reactivate', 'active'],
    [{ status: 'suspended', activated: false }, 'reactivate', 'pending_activation'],
    [{ status: 'pending_activation', activated: false }, 'delete', 'deleted'],
    [{ status: 'active', activated: true }, 'delete', 'deleted'],
    [{ status: 'suspended', activated: true }, 'delete', 'deleted'],
  ])('%j, %s → %s', (state, action, to) => {
    expect(transition(state, action)).toEqual({ allowed: true, to });
  });

  it.each<[MemberState, MemberAction, ErrorCode]>([
    [{ status: 'suspended', activated: true }, 'suspend', ErrorCode.AlreadySuspended],
    [{ status: 'active', activated: true }, 'reactivate', ErrorCode.NotSuspended],
    [{ status: 'pending_activation', activated: false }, 'reactivate', ErrorCode.NotSuspended],
    [{ status: 'deleted', activated: true }, 'suspend', ErrorCode.MemberDeleted],
    [{ status: 'deleted', activated: false }, 'reactivate', ErrorCode.MemberDeleted],
    [{ status: 'deleted', activated: true }, 'delete', ErrorCode.MemberDeleted],
  ])('%j, %s is refused with %s', (state, action, code) => {
    expect(transition(state, action)).toMatchObject({ allowed: false, code });
  });
});
