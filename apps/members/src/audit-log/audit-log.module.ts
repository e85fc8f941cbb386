import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsModule } from '../accounts/accounts.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuditEventsConsumer } from './audit-events.consumer';
import { AuditLogController } from './audit-log.controller';
import { AuditRetention } from './audit-retention';
import { AuditSubjects } from './audit-subjects';
import { ListAuditEventsUseCase } from './list-audit-events.usecase';
import { AuditEventDocument, AuditEventSchema } from './persistence/audit-event.schema';
import { AuditEventsRepository } from './persistence/audit-events.repository';
import { RecordAuditEventUseCase } from './record-audit-event.usecase';

/** The audit log: the one store of audit events (`audit_events`), fed by the gateway over `roster.audit`. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEventDocument.name, schema: AuditEventSchema }]), AccountsModule, OrganizationsModule],
  controllers: [AuditLogController],
  providers: [AuditEventsRepository, AuditSubjects, RecordAuditEventUseCase, ListAuditEventsUseCase, AuditEventsConsumer, AuditRetention],
})
export class AuditLogModule {}
