import { Controller, Get, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { HealthReportFilter } from './health-report.filter';

const CHECK_TIMEOUT_MS = 3_000;
/** Checks per minute from one address: far more than any monitor needs, far too few to load the services. */
export const HEALTH_CHECKS_PER_MINUTE = 60;

/**
 * `/health` checks through the connections the gateway already holds (mongoose's, and the one it
 * asks the members service on): a check opens no connection. Checks that arrive while one runs
 * share its result, and each address is limited to HEALTH_CHECKS_PER_MINUTE.
 */
@ApiTags('health')
@Controller('health')
@UseGuards(ThrottlerGuard)
@UseFilters(HealthReportFilter)
export class HealthController {
  private running?: Promise<HealthCheckResult>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly members: MembersRpcClient,
  ) {}

  @Get()
  @HealthCheck()
  @Throttle({ default: { limit: HEALTH_CHECKS_PER_MINUTE, ttl: 60_000 } })
  @ApiOperation({ summary: 'MongoDB, RabbitMQ and a round trip to the members service' })
  @ApiResponse({ status: 200, description: 'Everything answers' })
  @ApiResponse({ status: 503, description: 'The `error` object names what is down (the reasons are in the gateway log, not in the answer)' })
  @ApiErrorResponses(ErrorCode.TooManyAttempts)
  check(): Promise<HealthCheckResult> {
    this.running ??= this.runChecks().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private runChecks(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.mongoose.pingCheck('mongodb', { timeout: CHECK_TIMEOUT_MS }),
      async () => {
        const indicator = this.indicators.check('rabbitmq');
        return (await this.members.brokerReachable(CHECK_TIMEOUT_MS)) ? indicator.up() : indicator.down();
      },
      () =>
        this.indicators
          .check('members')
          .attempt(async () => {
            const reply = await this.members.send(MembersRpc.Ping, {}, { timeoutMs: CHECK_TIMEOUT_MS });
            return { role: reply.role };
          })
          .withTimeout(CHECK_TIMEOUT_MS + 500),
    ]);
  }
}
