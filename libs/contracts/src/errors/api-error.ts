import type { ErrorCode } from './error-code';

export interface FieldError {
  field: string;
  code: ErrorCode | string;
  message: string;
}

/** The body of every error answer of `/api/v1`, and of every failed RPC reply. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown[];
}

/** What a service puts in a failed RPC reply; the gateway turns it into an HTTP answer. */
export interface RpcErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown[];
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorPayload).code === 'string' &&
    typeof (value as RpcErrorPayload).message === 'string'
  );
}
