import { type AccountStatusChange, type InvitationSteps, KEPT_STATUS_CHANGES, memberHistory, personalMemberHistory, withStatusChange } from './account-history';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const change = (event: AccountStatusChange['event'], minute: number): AccountStatusChange => ({ event, at: at(minute), by: 'admin-1', eventId: `e${minute}` });

describe('memberHistory', () => {
  it('starts with the creation, then the activation, then the admin changes, oldest first', () => {
    const history = memberHistory({ createdAt: at(0), activatedAt: at(5), statusChanges: [change('suspended', 10), change('reactivated', 20)] });
    expect(history).toEqual([
      { event: 'created', at: at(0).toISOString(), by: null },
      { event: 'activated', at: at(5).toISOString(), by: null },
      { event: 'suspended', at: at(10).toISOString(), by: 'admin-1' },
      { event: 'reactivated', at: at(20).toISOString(), by: 'admin-1' },
    ]);
  });

  it('places an activation after a suspension and reactivation where it happened', () => {
    const history = memberHistory({ createdAt: at(0), activatedAt: at(30), statusChanges: [change('suspended', 10), change('reactivated', 20)] });
    expect(history.map((entry) => entry.event)).toEqual(['created', 'suspended', 'reactivated', 'activated']);
  });

  it('shows only the creation of an account nothing happened to', () => {
    expect(memberHistory({ createdAt: at(0), activatedAt: null })).toEqual([{ event: 'created', at: at(0).toISOString(), by: null }]);
  });
});

describe('withStatusChange', () => {
  it('adds the change at the end', () => {
    expect(withStatusChange(undefined, change('suspended', 1))).toEqual([change('suspended', 1)]);
  });

  it(`keeps the last ${KEPT_STATUS_CHANGES} changes only`, () => {
    let changes: AccountStatusChange[] = [];
    for (let minute = 0; minute < KEPT_STATUS_CHANGES + 5; minute += 1) changes = withStatusChange(changes, change(minute % 2 ? 'reactivated' : 'suspended', minute));
    expect(changes).toHaveLength(KEPT_STATUS_CHANGES);
    expect(changes[0].at).toEqual(at(5));
    expect(changes.at(-1)!.at).toEqual(at(KEPT_STATUS_CHANGES + 4));
  });
});

describe('personalMemberHistory', () => {
  const invitation = (minute: number, rest: Partial<InvitationSteps>): InvitationSteps => ({
    createdAt: at(minute),
    invitedBy: 'admin-1',
    status: 'pending',
    endedAt: null,
    endedBy: null,
    membershipEnded: null,
    ...rest,
  });

  it.each([
    ['declined', 'declined', null],
    ['expired', 'invitation_expired', null],
    ['cancelled', 'invitation_cancelled', 'admin-2'],
    ['accepted', 'joined', null],
  ] as const)('tells an invitation %s as invited then %s', (status, event, by) => {
    expect(personalMemberHistory([invitation(0, { status, endedAt: at(5), endedBy: status === 'cancelled' ? 'admin-2' : null })])).toEqual([
      { event: 'invited', at: at(0).toISOString(), by: 'admin-1' },
      { event, at: at(5).toISOString(), by },
    ]);
  });

  it('tells every invitation of the organization, and how each membership ended, oldest first', () => {
    const history = personalMemberHistory([
      invitation(30, { status: 'accepted', endedAt: at(31) }),
      invitation(0, { status: 'declined', endedAt: at(1) }),
      invitation(10, { status: 'accepted', endedAt: at(11), membershipEnded: { at: at(20), reason: 'left', by: null } }),
      invitation(40, { status: 'accepted', endedAt: at(40), membershipEnded: { at: at(40), reason: 'removed_by_admin', by: 'admin-3' } }),
    ]);
    expect(history.map((entry) => [entry.event, entry.by])).toEqual([
      ['invited', 'admin-1'],
      ['declined', null],
      ['invited', 'admin-1'],
      ['joined', null],
      ['left', null],
      ['invited', 'admin-1'],
      ['joined', null],
      ['invited', 'admin-1'],
      ['joined', null],
      ['removed_by_admin', 'admin-3'],
    ]);
  });

  it('shows a pending invitation as invited only', () => {
    expect(personalMemberHistory([invitation(0, {})]).map((entry) => entry.event)).toEqual(['invited']);
  });
});
