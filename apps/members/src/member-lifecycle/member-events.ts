import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_DELETED_VERSION,
  type AccountDeletedEvent,
  MEMBER_REACTIVATED_VERSION,
  MEMBER_SUSPENDED_VERSION,
  type MemberReactivatedEvent,
  type MemberSuspendedEvent,
  RoutingKeys,
} from '@app/contracts';
import { deterministicUuid } from '../persistence/deterministic-uuid';

export type MemberEvent = MemberSuspendedEvent | MemberReactivatedEvent | AccountDeletedEvent;

export const ROUTING_KEY_OF: Record<MemberEvent['type'], string> = {
  MemberSuspended: RoutingKeys.MemberSuspended,
  MemberReactivated: RoutingKeys.MemberReactivated,
  AccountDeleted: RoutingKeys.AccountDeleted,
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
