import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_DELETED_VERSION,
  type AccountDeletedEvent,
  INVITATION_CANCELLED_VERSION,
  INVITATION_DECLINED_VERSION,
  INVITATION_EXPIRED_VERSION,
  type InvitationCancelledEvent,
  type InvitationDeclinedEvent,
  type InvitationExpiredEvent,
  MEMBER_INVITED_VERSION,
  MEMBER_JOINED_VERSION,
  MEMBER_REACTIVATED_VERSION,
  MEMBER_REMOVED_VERSION,
  MEMBER_SUSPENDED_VERSION,
  type MemberInvitedData,
  type MemberInvitedEvent,
  type MemberJoinedEvent,
  type MemberReactivatedEvent,
  type MemberRemovedEvent,
  type MemberRemovedReason,
  type MemberSuspendedEvent,
  RoutingKeys,
} from '@app/contracts';
import { deterministicUuid } from '../../persistence/deterministic-uuid';

/** Events of an invitation or of the membership it led to: the invitation keeps their ids. */
export type InvitationEvent = MemberInvitedEvent | MemberJoinedEvent | InvitationDeclinedEvent | InvitationExpiredEvent | InvitationCancelledEvent | MemberRemovedEvent;

export type MemberEvent = MemberSuspendedEvent | MemberReactivatedEvent | AccountDeletedEvent | InvitationEvent;

export const ROUTING_KEY_OF: Record<MemberEvent['type'], string> = {
  MemberSuspended: RoutingKeys.MemberSuspended,
  MemberReactivated: RoutingKeys.MemberReactivated,
  AccountDeleted: RoutingKeys.AccountDeleted,
  MemberInvited: RoutingKeys.MemberInvited,
  MemberJoined: RoutingKeys.MemberJoined,
  InvitationDeclined: RoutingKeys.InvitationDeclined,
  InvitationExpired: RoutingKeys.InvitationExpired,
  InvitationCancelled: RoutingKeys.InvitationCancelled,
  MemberRemoved: RoutingKeys.MemberRemoved,
};

interface Subject {
  memberId: string;
  organizationId: string;
  accountName: string;
  adminId: string;
  at: Date;
}

function envelope<T extends MemberEvent>(id: string, type: T['type'], version: number, subject: Subject, data: T['data']): T {
  return { id, type, version, occurredAt: subject.at.toISOString(), organizationId: subject.organizationId, data } as T;
}

export function memberSuspended(subject: Subject): MemberSuspendedEvent {
  return envelope<MemberSuspendedEvent>(randomUUID(), 'MemberSuspended', MEMBER_SUSPENDED_VERSION, subject, {
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'business',
    suspendedByAdminId: subject.adminId,
  });
}

export function memberReactivated(subject: Subject, status: 'active' | 'pending_activation'): MemberReactivatedEvent {
  return envelope<MemberReactivatedEvent>(randomUUID(), 'MemberReactivated', MEMBER_REACTIVATED_VERSION, subject, {
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'business',
    status,
    reactivatedByAdminId: subject.adminId,
  });
}

/** One id per member: a deletion asked again, or relayed after a crash, repeats the same event. */
export function accountDeleted(subject: Subject): AccountDeletedEvent {
  return envelope<AccountDeletedEvent>(deterministicUuid(`AccountDeleted:${subject.memberId}`), 'AccountDeleted', ACCOUNT_DELETED_VERSION, subject, {
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'business',
    deletedByAdminId: subject.adminId,
  });
}

/** An invitation's change: each kind happens once per invitation, so its event id is derived from both. */
export interface InvitationSubject {
  invitationId: string;
  memberId: string;
  organizationId: string;
  accountName: string;
  at: Date;
}

function invitationEnvelope<T extends InvitationEvent>(type: T['type'], version: number, subject: InvitationSubject, data: T['data']): T {
  const id = deterministicUuid(`${type}:${subject.invitationId}`);
  return { id, type, version, occurredAt: subject.at.toISOString(), organizationId: subject.organizationId, data } as T;
}

/** What the invitation mail says (no secret: answering needs the person to sign in). */
export function memberInvited(subject: InvitationSubject, mail: Omit<MemberInvitedData, 'invitationId' | 'memberId' | 'accountName' | 'accountType'>): MemberInvitedEvent {
  return invitationEnvelope<MemberInvitedEvent>('MemberInvited', MEMBER_INVITED_VERSION, subject, {
    invitationId: subject.invitationId,
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'personal',
    ...mail,
  });
}

export function memberJoined(subject: InvitationSubject): MemberJoinedEvent {
  return invitationEnvelope<MemberJoinedEvent>('MemberJoined', MEMBER_JOINED_VERSION, subject, {
    invitationId: subject.invitationId,
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'personal',
  });
}

export function invitationDeclined(subject: InvitationSubject): InvitationDeclinedEvent {
  return invitationEnvelope<InvitationDeclinedEvent>('InvitationDeclined', INVITATION_DECLINED_VERSION, subject, {
    invitationId: subject.invitationId,
    memberId: subject.memberId,
    accountName: subject.accountName,
  });
}

export function invitationExpired(subject: InvitationSubject): InvitationExpiredEvent {
  return invitationEnvelope<InvitationExpiredEvent>('InvitationExpired', INVITATION_EXPIRED_VERSION, subject, {
    invitationId: subject.invitationId,
    memberId: subject.memberId,
    accountName: subject.accountName,
  });
}

export function invitationCancelled(subject: InvitationSubject, adminId: string): InvitationCancelledEvent {
  return invitationEnvelope<InvitationCancelledEvent>('InvitationCancelled', INVITATION_CANCELLED_VERSION, subject, {
    invitationId: subject.invitationId,
    memberId: subject.memberId,
    accountName: subject.accountName,
    cancelledByAdminId: adminId,
  });
}

/** A membership comes from one invitation and ends once: one id per invitation, whatever the reason. */
export function memberRemoved(subject: InvitationSubject, reason: MemberRemovedReason, adminId: string | null): MemberRemovedEvent {
  return invitationEnvelope<MemberRemovedEvent>('MemberRemoved', MEMBER_REMOVED_VERSION, subject, {
    memberId: subject.memberId,
    accountName: subject.accountName,
    accountType: 'personal',
    reason,
    removedByAdminId: adminId,
  });
}
