import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, INVITATION_STATUSES, MEMBER_HISTORY_EVENTS } from '@app/contracts';
import { ConsolePages } from './console-pages';
import { isConsoleMessageKey } from './console-messages';

const frame = { locale: 'en' as const, title: 'T', path: '/console/invitations', csrfToken: 'csrf-value', section: 'invitations' as const };
const invitation = {
  id: '3b4c5d6e-7f80-4a91-8b2c-3d4e5f6a7b8c',
  organizationId: '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10',
  memberId: '5d3e2c1b-4a59-4b68-8c7d-6e5f4a3b2c1d',
  accountName: 'jane.moreau',
  email: 'jane@example.org',
  invitedByAdminId: '2f0c5c1e-8a2d-4a8e-9f10-3c4d5e6f7a8b',
  batchId: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2026-12-15T10:00:00.000Z',
  lastSentAt: '2026-12-01T10:00:00.000Z',
  endedAt: null,
  membershipEnded: null,
};
const paging = { page: 1, pages: 1, previousHref: null, nextHref: null, shown: false };

describe('the console pages of invitations and personal members', () => {
  const pages = new ConsolePages();

  it('has a label for every audit action and object, invitation status and history event, in both languages', () => {
    for (const key of [
      ...AUDIT_ACTIONS.map((action) => `activity.action.${action}`),
      ...AUDIT_OBJECT_TYPES.map((type) => `activity.object.${type}`),
      ...INVITATION_STATUSES.map((status) => `invitationStatus.${status}`),
      ...MEMBER_HISTORY_EVENTS.map((event) => `history.${event}`),
    ]) {
      expect([key, isConsoleMessageKey(key)]).toEqual([key, true]);
    }
  });

  it('lists invitations: resend and cancel on a pending one only, a refused name kept in the form with why', () => {
    const html = pages.render('invitations', frame, {
      statuses: INVITATION_STATUSES.map((value) => ({ value, selected: false })),
      total: 2,
      filtered: false,
      invitations: [
        { ...invitation, pending: true, resendHref: '/console/invitations/a/resend', cancellationHref: '/console/invitations/a/cancellation' },
        { ...invitation, id: 'b', accountName: 'ross.geller', status: 'declined', pending: false, resendHref: '/console/invitations/b/resend', cancellationHref: '/console/invitations/b/cancellation' },
      ].map((row, index) => ({ ...row, status: index === 0 ? 'pending' : 'declined' })),
      paging,
      notice: null,
      invite: { accountName: '"><b>x', problem: 'invitations.refused.not_found' },
      returnTo: '/console/invitations',
    });
    expect(html).toContain('action="/console/invitations/a/resend"');
    expect(html).toContain('action="/console/invitations/a/cancellation"');
    expect(html).not.toContain('/console/invitations/b/resend');
    expect(html).toContain('No personal account has this account name.');
    expect(html).toContain('value="&quot;&gt;&lt;b&gt;x"');
    expect(html.match(/name="_csrf" value="csrf-value"/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('shows a member’s history, newest last, with who did what', () => {
    const html = pages.render('member', { ...frame, locale: 'fr', section: 'members' }, {
      member: { id: invitation.memberId, email: 'jane@example.org', accountName: 'jane.moreau', firstName: 'Jane', lastName: null, type: 'personal', status: 'active', createdAt: invitation.createdAt },
      fullName: 'Jane',
      history: [
        { event: 'invited', at: invitation.createdAt, by: invitation.invitedByAdminId, label: 'history.invited' },
        { event: 'joined', at: invitation.createdAt, by: null, label: 'history.joined' },
      ],
    });
    expect(html).toContain('Membre jane.moreau');
    expect(html).toContain('A accepté l’invitation et rejoint l’organisation');
    expect(html).toContain(`Admin ${invitation.invitedByAdminId}`);
  });
});
