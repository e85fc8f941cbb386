import { RoutingKeys } from '@app/contracts';
import { accountDeleted, memberReactivated, memberSuspended, ROUTING_KEY_OF } from './member-events';

const subject = {
  memberId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
  organizationId: '6a1f0c2e-5b7d-4c3e-8f9a-0b1c2d3e4f50',
  accountName: 'jane.doe',
  adminId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  at: new Date('2026-12-01T10:15:00.000Z'),
};

describe('member events', () => {
  it('name the member by id and account name only, with the admin who acted', () => {
    expect(memberSuspended(subject)).toEqual({
      id: expect.any(String),
      type: 'MemberSuspended',
      version: 1,
      occurredAt: '2026-12-01T10:15:00.000Z',
      organizationId: subject.organizationId,
      data: { memberId: subject.memberId, accountName: 'jane.doe', accountType: 'business', suspendedByAdminId: subject.adminId },
    });
    expect(memberReactivated(subject, 'pending_activation').data).toEqual({
      memberId: subject.memberId,
      accountName: 'jane.doe',
      accountType: 'business',
      status: 'pending_activation',
      reactivatedByAdminId: subject.adminId,
    });
    expect(accountDeleted(subject).data).toEqual({ memberId: subject.memberId, accountName: 'jane.doe', accountType: 'business', deletedByAdminId: subject.adminId });
  });

  it('gives each suspension its own id, and a member’s deletion always the same one', () => {
    expect(memberSuspended(subject).id).not.toBe(memberSuspended(subject).id);
    expect(accountDeleted(subject).id).toBe(accountDeleted({ ...subject, at: new Date() }).id);
    expect(accountDeleted(subject).id).not.toBe(accountDeleted({ ...subject, memberId: 'another' }).id);
  });

  it('go out on the member.account routing keys', () => {
    expect(ROUTING_KEY_OF).toEqual({
      MemberSuspended: RoutingKeys.MemberSuspended,
      MemberReactivated: RoutingKeys.MemberReactivated,
      AccountDeleted: RoutingKeys.AccountDeleted,
    });
    expect(Object.values(ROUTING_KEY_OF).every((key) => key.startsWith('member.account.'))).toBe(true);
  });
});
