import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type AuditEventView, ListAuditEventsCommand, MembersRpc, type Page } from '@app/contracts';
import { ListAuditEventsUseCase } from './list-audit-events.usecase';

/** The audit log as admins read it; nothing here changes or deletes a record. */
@Controller()
export class AuditLogController {
  constructor(private readonly listEvents: ListAuditEventsUseCase) {}

  @MessagePattern(MembersRpc.ListAuditEvents)
  list(@Payload() command: ListAuditEventsCommand): Promise<Page<AuditEventView>> {
    return this.listEvents.execute(command);
  }
}
