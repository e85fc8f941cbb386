import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditEventView, ErrorCode, MembersRpc, type Page } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { type AdminPrincipal, CurrentAdmin } from '../auth/admin-principal';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { ApiPageResponse } from '../http/api-page-response.decorator';
import { AuditEventResponse } from './dto/audit-event.response';
import { AuditEventsQuery } from './dto/audit-events-query.dto';

/** The organization's audit log, read-only: no route changes or deletes a record. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiErrorResponses(ErrorCode.Unauthorized, ErrorCode.ServiceUnavailable)
@UseGuards(AdminAuthGuard)
@Controller('api/v1/audit-events')
export class AuditEventsController {
  constructor(private readonly members: MembersRpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The organization’s audit log, newest first: sign-ins, lockouts, batches created, rows edited, commits, activation mails resent, activations, password changes',
    description:
      'Filter by `actorId`, `action`, `objectId`, and a time range `from`–`to` (both included). Records cannot be changed or deleted; they go away after `AUDIT_RETENTION_DAYS`. An event appears a moment after its action (it travels over RabbitMQ).',
  })
  @ApiPageResponse(AuditEventResponse, 'A page of audit events')
  @ApiErrorResponses(ErrorCode.ValidationFailed)
  list(@CurrentAdmin() admin: AdminPrincipal, @Query() query: AuditEventsQuery): Promise<Page<AuditEventView>> {
    return this.members.send(MembersRpc.ListAuditEvents, { ...admin, query });
  }
}
