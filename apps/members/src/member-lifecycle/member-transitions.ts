import { type AccountStatus, ErrorCode } from '@app/contracts';

export type MemberAction = 'suspend' | 'reactivate' | 'delete';

/** What an admin's action does to a member in a given state: the status it leaves, or why it cannot. */
export type Transition = { allowed: true; to: AccountStatus | 'deleted' } | { allowed: false; code: ErrorCode; message: string };

/** What a member is now: `deleted` once only the tombstone is left. */
export interface MemberState {
  status: AccountStatus | 'deleted';
  /** Whether the member ever set their own password: reactivation goes back to active, or to pending. */
  activated: boolean;
}

const refused = (code: ErrorCode, message: string): Transition => ({ allowed: false, code, message });

/**
 * The admin's actions on a business account: suspend a pending or active one, reactivate a
 * suspended one (back to active, or to pending if it never activated), delete any that is not
 * deleted already. Nothing is done to a deleted member.
 */
export function transition(state: MemberState, action: MemberAction): Transition {
  if (state.status === 'deleted') return refused(ErrorCode.MemberDeleted, 'This member was deleted: nothing more can be done to the account.');
  switch (action) {
    case 'suspend':
      return state.status === 'suspended' ? refused(ErrorCode.AlreadySuspended, 'This member is already suspended.') : { allowed: true, to: 'suspended' };
    case 'reactivate':
      if (state.status !== 'suspended') return refused(ErrorCode.NotSuspended, 'This member is not suspended: there is nothing to reactivate.');
      return { allowed: true, to: state.activated ? 'active' : 'pending_activation' };
    case 'delete':
      return { allowed: true, to: 'deleted' };
  }
}
