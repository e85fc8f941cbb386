import { type ArgumentsHost, Catch, type ExceptionFilter, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';

interface HealthReport {
  status: string;
  info?: HealthIndicatorResult;
  error?: HealthIndicatorResult;
  details?: HealthIndicatorResult;
}

/** A check that is down says only that: why (a host, a driver's message) is for the log. */
function withoutReasons(result: HealthIndicatorResult = {}): HealthIndicatorResult {
  return Object.fromEntries(Object.entries(result).map(([name, check]) => [name, check.status === 'up' ? check : { status: check.status }]));
}

/**
 * Answers 503 with terminus' report of which check is down, without the errors' text (an
 * address, a driver's message): that goes to the gateway's log.
 */
@Catch(ServiceUnavailableException)
export class HealthReportFilter implements ExceptionFilter {
  private readonly logger = new Logger('Health');

  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    const report = exception.getResponse() as HealthReport;
    this.logger.warn({ message: 'health check failed', down: report.error });
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(503)
      .json({ status: report.status, info: withoutReasons(report.info), error: withoutReasons(report.error), details: withoutReasons(report.details) });
  }
}
