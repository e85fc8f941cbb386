import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every Roster service reads. Apps extend this class with their own. */
export class ServiceEnvironment {
  @IsIn(['development', 'test', 'production'], { message: 'NODE_ENV must be development, test or production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'log';

  @Matches(/^mongodb(\+srv)?:\/\/[^/\s]+\/[^\s?]+(\?\S*)?$/, {
    message: 'MONGO_URL must be a mongodb:// URL that names a database, e.g. mongodb://127.0.0.1:27017/roster',
  })
  MONGO_URL = 'mongodb://127.0.0.1:27017/roster';

  @Matches(/^amqps?:\/\/[^\s/]+(\/\S*)?$/, {
    message: 'AMQP_URL must be an amqp:// or amqps:// URL, e.g. amqp://guest:guest@127.0.0.1:5672',
  })
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  @Type(() => Number)
  @IsInt({ message: 'RPC_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'RPC_TIMEOUT_MS must be at least 100' })
  @Max(120_000, { message: 'RPC_TIMEOUT_MS must be at most 120000' })
  RPC_TIMEOUT_MS = 15_000;
}

/** Base of the links in emails and pages; never taken from a request's Host header. */
export class PublicUrlEnvironment extends ServiceEnvironment {
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL = 'http://localhost:3000';
}
