import { IsISO8601, IsString, IsUUID, MinLength } from 'class-validator';

/** What every event on `roster.events` carries besides its type, version and data. */
export abstract class EventEnvelopeMessage {
  @IsUUID()
  id: string;

  @IsISO8601()
  occurredAt: string;

  @IsString()
  @MinLength(1)
  organizationId: string;
}
