import { type AccountStatusChange, KEPT_STATUS_CHANGES, memberHistory, withStatusChange } from './account-history';

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
