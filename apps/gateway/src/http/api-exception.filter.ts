import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { type ApiErrorBody, ErrorCode } from '@app/contracts';
import { GatewayEnvironment } from '../config/gateway.environment';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthorized,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.FileTooLarge,
  422: ErrorCode.ValidationFailed,
  429: ErrorCode.TooManyAttempts,
  503: ErrorCode.ServiceUnavailable,
};

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'statusCode' in value;
}

/** Every error leaves the gateway as `{statusCode, code, message, details?}`. */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly env: GatewayEnvironment) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: ErrorCode.TooManyAttempts, message: 'Too many attempts; wait a minute and try again.' };
    }
    if (!(exception instanceof HttpException)) {
      return { statusCode: 500, code: ErrorCode.InternalError, message: 'Something went wrong on our side.' };
    }
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isApiErrorBody(response)) return response;
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [(response as { message: unknown }).message].flat().join('; ')
        : exception.message;
    if (status === 413) {
      const megabytes = Math.floor(this.env.IMPORT_MAX_BYTES / (1024 * 1024));
      return { statusCode: 413, code: ErrorCode.FileTooLarge, message: `The file is larger than the ${megabytes} MB this server accepts; split it into smaller files.` };
    }
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? ErrorCode.InternalError, message };
  }
}
