import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, AuditEventsQuery as AuditEventsQueryMessage, MAX_PAGE, MAX_PAGE_SIZE } from '@app/contracts';

/**
 * `GET /api/v1/audit-events` query: the checks of the RPC's query (which the members service
 * applies too), documented. Page and limit are the API's usual ones.
 */
export class AuditEventsQuery extends AuditEventsQueryMessage {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  override page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  override limit = 50;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events of this actor (an admin or a member)' })
  override actorId?: string = undefined;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, description: 'Only the events of this action' })
  override action?: AuditAction = undefined;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events about this object (a batch, a row, a member, an admin)' })
  override objectId?: string = undefined;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events at or after this time (ISO 8601)' })
  override from?: string = undefined;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events at or before this time (ISO 8601)' })
  override to?: string = undefined;
}
