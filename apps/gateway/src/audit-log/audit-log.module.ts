import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller';

/** `GET /api/v1/audit-events`: the organization's audit log, kept by the members service. */
@Module({
  controllers: [AuditEventsController],
})
export class AuditLogModule {}
