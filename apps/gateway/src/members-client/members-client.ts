import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { ErrorCode, isRpcErrorPayload } from '@app/contracts';
import { GatewayEnvironment } from '../config/gateway.environment';
import { ApiException } from '../http/api.exception';
import { statusForErrorCode } from '../http/error-status';

export const MEMBERS_RPC_CLIENT = Symbol('MEMBERS_RPC_CLIENT');

/** Request/response with the members service over RabbitMQ, with errors already in API shape. */
@Injectable()
export class MembersClient implements OnApplicationShutdown {
  constructor(
    @Inject(MEMBERS_RPC_CLIENT) private readonly client: ClientProxy,
    private readonly env: GatewayEnvironment,
  ) {}

  async send<TReply, TRequest = unknown>(pattern: string, request: TRequest, timeoutMs = this.env.RPC_TIMEOUT_MS): Promise<TReply> {
    try {
      return await firstValueFrom(this.client.send<TReply, TRequest>(pattern, request).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.toApiException(error);
    }
  }

  private toApiException(error: unknown): ApiException {
    if (isRpcErrorPayload(error)) {
      return new ApiException(statusForErrorCode(error.code), error.code, error.message, error.details);
    }
    const message =
      error instanceof TimeoutError
        ? 'The members service did not answer in time; try again shortly.'
        : 'The members service cannot be reached; try again shortly.';
    return new ApiException(503, ErrorCode.ServiceUnavailable, message);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
