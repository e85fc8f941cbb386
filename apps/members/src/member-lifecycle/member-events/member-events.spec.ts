import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  invitationCancelledEventSchema,
  invitationDeclinedEventSchema,
  invitationExpiredEventSchema,
  memberInvitedEventSchema,
  memberJoinedEventSchema,
  memberRemovedEventSchema,
  RoutingKeys,
} from '@app/contracts';
import {
  accountDeleted,
  invitationCancelled,
  invitationDeclined,
  invitationExpired,
  memberInvited,
  memberJoined,
  memberReactivated,
  memberRemoved,
  memberSuspended,
  ROUTING_KEY_OF,
} from './member-events';

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
});

describe('invitation and membership events', () => {
  const invitation = { invitationId: '8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f', memberId: subject.memberId, organizationId: subject.organizationId, accountName: 'jane.doe', at: subject.at };
  const mail = {
    email: 'jane.doe@example.org',
    firstName: 'Jane',
    locale: 'en' as const,
    organizationName: 'Contoso',
    batchId: null,
    invitedByAdminId: subject.adminId,
    expiresAt: '2026-12-15T10:15:00.000Z',
  };
  const built = [
    [memberInvited(invitation, mail), memberInvitedEventSchema],
    [memberJoined(invitation), memberJoinedEventSchema],
    [invitationDeclined(invitation), invitationDeclinedEventSchema],
    [invitationExpired(invitation), invitationExpiredEventSchema],
    [invitationCancelled(invitation, subject.adminId), invitationCancelledEventSchema],
    [memberRemoved(invitation, 'removed_by_admin', subject.adminId), memberRemovedEventSchema],
  ] as const;

  it.each(built.map(([event, schema]) => ({ type: event.type, event, schema })))('build $type as its JSON Schema in libs/contracts says', ({ event, schema }) => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const valid = ajv.validate(schema, event);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('give each kind of change of an invitation one id, the same on every retry, distinct across kinds and invitations', () => {
    const later = { ...invitation, at: new Date('2026-12-02T00:00:00.000Z') };
    expect(memberJoined(later).id).toBe(memberJoined(invitation).id);
    expect(memberRemoved(later, 'left', null).id).toBe(memberRemoved(invitation, 'removed_by_admin', subject.adminId).id);
    const ids = built.map(([event]) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(memberJoined({ ...invitation, invitationId: 'another' }).id).not.toBe(memberJoined(invitation).id);
  });

  it('carry no secret: nothing named like a password, hash or token', () => {
    for (const [event] of built) expect(JSON.stringify(event)).not.toMatch(/password|hash|token|secret/i);
  });

  it('go out, like every member event, on the contract’s routing key of their type, one key per type', () => {
    const events = [memberSuspended(subject), memberReactivated(subject, 'active'), accountDeleted(subject), ...built.map(([event]) => event)];
    for (const event of events) expect(ROUTING_KEY_OF[event.type]).toBe(RoutingKeys[event.type]);
    expect(Object.keys(ROUTING_KEY_OF).sort()).toEqual(events.map((event) => event.type).sort());
    const keys = Object.values(ROUTING_KEY_OF);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key.startsWith('member.'))).toBe(true);
  });
});
