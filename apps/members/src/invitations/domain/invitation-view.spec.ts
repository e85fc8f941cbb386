import type { Invitation } from './invitation';
import { invitationExpiresAt, isPastExpiry } from './invitation-expiry';
import { receivedOrder, toInvitationView, toReceivedInvitationView } from './invitation-view';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));

function invitation(id: string, rest: Partial<Invitation> = {}): Invitation {
  return {
    _id: id,
    organizationId: 'org-1',
    accountId: 'account-1',
    accountName: 'jane.doe',
    email: 'jane.doe@example.org',
    firstName: 'Jane',
    locale: 'en',
    status: 'pending',
    invitedBy: 'admin-1',
    batchId: null,
    createdAt: at(0),
    expiresAt: at(336),
    lastSentAt: at(0),
    endedAt: null,
    endedBy: null,
    membershipEnded: null,
    eventIds: ['event-1'],
    ...rest,
  };
}

describe('invitation expiry', () => {
  it.each([
    [1, at(1)],
    [336, at(336)],
  ])('ends %i hours after the invitation', (hours, expected) => {
    expect(invitationExpiresAt(at(0), hours)).toEqual(expected);
  });

  it('is past from the expiry instant on', () => {
    expect(isPastExpiry({ expiresAt: at(5) }, new Date(at(5).getTime() - 1))).toBe(false);
    expect(isPastExpiry({ expiresAt: at(5) }, at(5))).toBe(true);
    expect(isPastExpiry({ expiresAt: at(5) }, at(6))).toBe(true);
  });
});

describe('invitation views', () => {
  it('show the admin the invitation without its event ids, the membership end without the admin', () => {
    const view = toInvitationView(invitation('i-1', { status: 'accepted', endedAt: at(2), membershipEnded: { at: at(3), reason: 'removed_by_admin', by: 'admin-2' } }));
    expect(view).toEqual({
      id: 'i-1',
      organizationId: 'org-1',
      memberId: 'account-1',
      accountName: 'jane.doe',
      email: 'jane.doe@example.org',
      status: 'accepted',
      invitedByAdminId: 'admin-1',
      batchId: null,
      createdAt: at(0).toISOString(),
      expiresAt: at(336).toISOString(),
      lastSentAt: at(0).toISOString(),
      endedAt: at(2).toISOString(),
      membershipEnded: { at: at(3).toISOString(), reason: 'removed_by_admin' },
    });
  });

  it('show the person the organization by name, and nothing of the admin', () => {
    expect(toReceivedInvitationView(invitation('i-1'), 'Contoso')).toEqual({
      id: 'i-1',
      organizationName: 'Contoso',
      accountName: 'jane.doe',
      status: 'pending',
      createdAt: at(0).toISOString(),
      expiresAt: at(336).toISOString(),
    });
  });

  it('list the person’s pending invitations first, then the newest first', () => {
    const invitations = [
      invitation('old-declined', { status: 'declined', createdAt: at(0) }),
      invitation('old-pending', { createdAt: at(1) }),
      invitation('new-expired', { status: 'expired', createdAt: at(5) }),
      invitation('new-pending', { createdAt: at(4) }),
    ];
    expect(invitations.sort(receivedOrder).map((item) => item._id)).toEqual(['new-pending', 'old-pending', 'new-expired', 'old-declined']);
  });
});
