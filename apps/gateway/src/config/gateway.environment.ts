import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { PublicUrlEnvironment } from '@app/config';
import { IsSigningSecret } from './signing-secret';

export class GatewayEnvironment extends PublicUrlEnvironment {
  @Type(() => Number)
  @IsInt({ message: 'GATEWAY_PORT must be a port number' })
  @Min(0, { message: 'GATEWAY_PORT must be a port number (0-65535)' })
  @Max(65_535, { message: 'GATEWAY_PORT must be a port number (0-65535)' })
  GATEWAY_PORT = 3000;

  /** Signs access tokens. Required everywhere: a default would be public, and so would every token. */
  @IsSigningSecret()
  JWT_SECRET: string;

  @Type(() => Number)
  @IsInt({ message: 'JWT_TTL_SECONDS must be a whole number of seconds' })
  @Min(60, { message: 'JWT_TTL_SECONDS must be at least 60' })
  @Max(86_400, { message: 'JWT_TTL_SECONDS must be at most 86400' })
  JWT_TTL_SECONDS = 3600;

  /** The largest CSV upload accepted; a larger one answers 413 file_too_large and nothing is kept. */
  @Type(() => Number)
  @IsInt({ message: 'IMPORT_MAX_BYTES must be a whole number of bytes' })
  @Min(1_024, { message: 'IMPORT_MAX_BYTES must be at least 1024' })
  @Max(1_073_741_824, { message: 'IMPORT_MAX_BYTES must be at most 1 GiB' })
  IMPORT_MAX_BYTES = 50 * 1024 * 1024;

  /** The most member rows one file may hold; more answers 422 too_many_rows and nothing is kept. */
  @Type(() => Number)
  @IsInt({ message: 'IMPORT_MAX_ROWS must be a whole number of rows' })
  @Min(1, { message: 'IMPORT_MAX_ROWS must be at least 1' })
  @Max(10_000_000, { message: 'IMPORT_MAX_ROWS must be at most 10000000' })
  IMPORT_MAX_ROWS = 1_000_000;

  /** Uploads (multipart batch requests) one admin may make a minute, counted across every gateway. */
  @Type(() => Number)
  @IsInt({ message: 'IMPORT_UPLOADS_PER_MINUTE must be a whole number' })
  @Min(1, { message: 'IMPORT_UPLOADS_PER_MINUTE must be at least 1' })
  @Max(1_000, { message: 'IMPORT_UPLOADS_PER_MINUTE must be at most 1000' })
  IMPORT_UPLOADS_PER_MINUTE = 10;

  /** Sign-ups (API and page together) one address may make in an hour; more answer 429 too_many_attempts. */
  @Type(() => Number)
  @IsInt({ message: 'SIGN_UPS_PER_HOUR must be a whole number' })
  @Min(1, { message: 'SIGN_UPS_PER_HOUR must be at least 1' })
  @Max(10_000, { message: 'SIGN_UPS_PER_HOUR must be at most 10000' })
  SIGN_UPS_PER_HOUR = 10;

  /** Serves the API documentation on /docs and /docs/openapi.json; `false` hides it, e.g. on a server facing the Internet. */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'DOCS_ENABLED must be true or false' })
  DOCS_ENABLED = true;
}
