import { Module } from '@nestjs/common';
import { AuditPublisher } from './audit-publisher';
import { AuditTrail } from './audit-trail';

/** The gateway's side of the audit log: its events on their way to the members service. */
@Module({
  providers: [AuditPublisher, AuditTrail],
  exports: [AuditTrail],
})
export class AuditTrailModule {}
