import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  type ValidationArguments,
  ValidateBy,
} from 'class-validator';
import { PublicUrlEnvironment } from '@app/config';
import { smtpTlsProblem } from './smtp-tls-policy';

const HOUR_MS = 3_600_000;

/** "15000, 60000,300000" → [15000, 60000, 300000]; anything else is left for the validators to refuse. */
function delayList({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  return /^\s*\d+(\s*,\s*\d+)*\s*$/.test(value) ? value.split(',').map(Number) : [Number.NaN];
}

/** SMTP_URL must not weaken TLS to a server on another machine unless SMTP_ALLOW_PLAINTEXT says so. */
const KeepsTlsToOtherMachines = ValidateBy({
  name: 'keepsTlsToOtherMachines',
  validator: {
    validate: (value: unknown, args?: ValidationArguments) =>
      typeof value !== 'string' || smtpTlsProblem(value, (args?.object as NotificationsEnvironment).SMTP_ALLOW_PLAINTEXT === true) === undefined,
    defaultMessage: (args?: ValidationArguments) => smtpTlsProblem(String(args?.value), false) ?? 'SMTP_URL weakens TLS',
  },
});

export class NotificationsEnvironment extends PublicUrlEnvironment {
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025' })
  @KeepsTlsToOtherMachines
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /**
   * `false` (the default): mail to an SMTP server on another machine goes over TLS (smtps://, or
   * STARTTLS required on smtp://) with its certificate verified, or not at all. `true` lets it go
   * unencrypted when the server offers no STARTTLS, e.g. to a mail catcher in a container.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'SMTP_ALLOW_PLAINTEXT must be true or false' })
  SMTP_ALLOW_PLAINTEXT = false;

  @IsString()
  @MinLength(3, { message: 'MAIL_FROM must be an address such as "Roster <no-reply@roster.local>"' })
  MAIL_FROM = 'Roster <no-reply@roster.local>';

  /**
   * Waits before the second, third … try of a mail the SMTP server did not take; after the last
   * one the message is parked in `notifications.dead`. Each delay gets its own retry queue.
   */
  @Transform(delayList)
  @ArrayMinSize(1, { message: 'MAIL_RETRY_DELAYS_MS must list at least one delay' })
  @ArrayMaxSize(10, { message: 'MAIL_RETRY_DELAYS_MS must list at most 10 delays' })
  @IsInt({ each: true, message: 'MAIL_RETRY_DELAYS_MS must be comma-separated whole numbers of milliseconds, e.g. 15000,60000,300000' })
  @Min(100, { each: true, message: 'MAIL_RETRY_DELAYS_MS delays must be at least 100 ms' })
  @Max(24 * HOUR_MS, { each: true, message: 'MAIL_RETRY_DELAYS_MS delays must be at most 86400000 (one day)' })
  MAIL_RETRY_DELAYS_MS: number[] = [15_000, 60_000, 300_000];

  /**
   * How long a claim on a mail protects it from a second sender. It must outlast one whole
   * attempt (the members RPC, then the SMTP connection and transfer) so that a slow sender is
   * never overtaken; past it, the claim of a crashed sender is taken over.
   */
  @Type(() => Number)
  @IsInt({ message: 'MAIL_CLAIM_LEASE_MS must be a whole number of milliseconds' })
  @Min(1_000, { message: 'MAIL_CLAIM_LEASE_MS must be at least 1000' })
  @Max(HOUR_MS, { message: 'MAIL_CLAIM_LEASE_MS must be at most 3600000 (one hour)' })
  MAIL_CLAIM_LEASE_MS = 120_000;
}
