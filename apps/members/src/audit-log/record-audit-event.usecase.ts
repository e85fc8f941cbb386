import { Injectable } from '@nestjs/common';
import type { AuditEventMessage } from '@app/contracts';
import type { AuditRecord } from './audit-record';
import { AuditSubjects } from './audit-subjects';
import { AuditEventsRepository } from './persistence/audit-events.repository';

/**
 * Records one audit event: completed with what only the members service knows (whose account a
 * refused sign-in named, a member's organization), then inserted under the event's id, so an event
 * delivered twice is recorded once. The login as typed is never stored.
 */
@Injectable()
export class RecordAuditEventUseCase {
  constructor(
    private readonly subjects: AuditSubjects,
    private readonly events: AuditEventsRepository,
  ) {}

  async execute(message: AuditEventMessage): Promise<'recorded' | 'duplicate'> {
    const record: AuditRecord = {
      _id: message.id,
      action: message.action,
      at: new Date(message.at),
      organizationId: message.organizationId ?? null,
      actorType: message.actor.type,
      actorId: message.actor.id ?? null,
      actorLogin: null,
      objectType: message.object?.type ?? null,
      objectId: message.object?.id ?? null,
      sourceAddress: message.sourceAddress ?? null,
      requestId: message.requestId ?? null,
      // Only what the event says: a detail it does not have is absent, not null.
      details: Object.fromEntries(Object.entries(message.details).filter(([, value]) => value !== undefined && value !== null)),
      recordedAt: new Date(),
    };
    if (message.typedLogin !== undefined) {
      const subject = await this.subjects.ofRefusedSignIn(message);
      record.actorLogin = subject.login;
      record.objectType = subject.object?.type ?? null;
      record.objectId = subject.object?.id ?? null;
      record.organizationId = subject.organizationId;
    } else if (record.organizationId === null && record.objectType === 'member' && record.objectId) {
      record.organizationId = await this.subjects.organizationOfMember(record.objectId);
    }
    return (await this.events.insertOnce(record)) ? 'recorded' : 'duplicate';
  }
}
