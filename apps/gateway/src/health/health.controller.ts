import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { connect } from 'amqplib';
import { MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { GatewayEnvironment } from '../config/gateway.environment';
import { HealthReportFilter } from './health-report.filter';

const CHECK_TIMEOUT_MS = 3_000;

@ApiTags('health')
@Controller('health')
@UseFilters(HealthReportFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly members: MembersRpcClient,
    private readonly env: GatewayEnvironment,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'MongoDB, RabbitMQ and a round trip to the members service' })
  @ApiResponse({ status: 200, description: 'Everything answers' })
  @ApiResponse({ status: 503, description: 'The `error` object names what is down' })
  check() {
    return this.health.check([
      () => this.mongoose.pingCheck('mongodb', { timeout: CHECK_TIMEOUT_MS }),
      () =>
        this.indicators
          .check('rabbitmq')
          .attempt(async () => {
            const connection = await connect(this.env.AMQP_URL, { timeout: CHECK_TIMEOUT_MS });
            await connection.close();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
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
