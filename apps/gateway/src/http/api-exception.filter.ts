import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type ApiErrorBody, ErrorCode } from '@app/contracts';
import { GatewayEnvironment } from '../config/gateway.environment';
import { translateFrameworkError } from './framework-errors';
import { GatewayRoutes } from './route-table';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: ErrorCode.Unauthorized,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
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

  constructor(
    private readonly env: GatewayEnvironment,
    private readonly routes: GatewayRoutes,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (response.headersSent) return;
    if (body.statusCode === 405) response.setHeader('Allow', this.routes.allowedMethods(request.path).join(', '));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
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
    // Our own code answers not-found as an ApiException; a bare one is the router's: no such route.
    const allowedMethods = exception instanceof NotFoundException ? this.routes.allowedMethods(request.path) : [];
    const translated = translateFrameworkError(
      { status, message, cause: exception.cause },
      { method: request.method, path: request.path, allowedMethods },
      this.env.IMPORT_MAX_BYTES,
    );
    return translated ?? { statusCode: status, code: CODE_BY_STATUS[status] ?? ErrorCode.InternalError, message };
  }
}
