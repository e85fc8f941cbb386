import { Injectable } from '@nestjs/common';
import type { AuditEventView, ListAuditEventsCommand, Page } from '@app/contracts';
import { auditEventsFilter } from './audit-filter';
import { auditEventView } from './audit-record';
import { AuditEventsRepository } from './persistence/audit-events.repository';

/** One page of the organization's audit events, newest first, filtered by actor, action, object and time. */
@Injectable()
export class ListAuditEventsUseCase {
  constructor(private readonly events: AuditEventsRepository) {}

  async execute({ organizationId, query }: ListAuditEventsCommand): Promise<Page<AuditEventView>> {
    const { page, limit, ...filters } = query;
    const found = await this.events.page(auditEventsFilter(organizationId, filters), page, limit);
    return { ...found, items: found.items.map(auditEventView) };
  }
}
