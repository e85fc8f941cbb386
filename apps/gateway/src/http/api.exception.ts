import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@app/contracts';

/** An error answer in the one shape of `/api/v1`: status, stable code, human message, details. */
export class ApiException extends HttpException {
  constructor(status: number, code: ErrorCode, message: string, details?: unknown[]) {
    const body: ApiErrorBody = { statusCode: status, code, message, ...(details ? { details } : {}) };
    super(body, status);
  }
}
