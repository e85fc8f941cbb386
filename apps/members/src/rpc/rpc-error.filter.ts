import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { ErrorCode, type RpcErrorPayload } from '@app/contracts';
import { DomainError } from './domain.error';

/** Every failed request leaves as an RpcErrorPayload; unexpected errors are logged, not leaked. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown, _host: ArgumentsHost): Observable<RpcErrorPayload> {
    if (exception instanceof DomainError) {
      return throwError(() => ({ code: exception.code, message: exception.message, details: exception.details }));
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return throwError(() => ({ code: ErrorCode.InternalError, message: 'The members service failed to handle the request.' }));
  }
}
