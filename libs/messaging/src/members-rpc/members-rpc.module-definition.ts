import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { MembersRpcPattern } from '@app/contracts';
import type { MembersRpcFailure } from './members-rpc-failure';

export interface MembersRpcOptions {
  /** The broker the members service listens on. */
  amqpUrl: string;
  /** Names the connection in the RabbitMQ management UI, e.g. `gateway`. */
  connectionName?: string;
  /** How long a request waits for its reply, unless the call asks for less. */
  timeoutMs: number;
  /** What a failed request throws, in the terms of the app's callers. */
  toError: (failure: MembersRpcFailure) => Error;
  /**
   * Told of each request once settled, with its reply or the error it throws (the gateway's audit
   * trail). Called in the caller's context before `send` returns; it must neither throw nor wait.
   */
  onSettled?: (settled: SettledMembersRequest) => void;
}

/** A request to the members service and how it ended: `reply`, or `error` as `toError` made it. */
export interface SettledMembersRequest {
  pattern: MembersRpcPattern;
  request: unknown;
  reply?: unknown;
  error?: Error;
}

export const {
  ConfigurableModuleClass: ConfigurableMembersRpcModule,
  MODULE_OPTIONS_TOKEN: MEMBERS_RPC_OPTIONS,
} = new ConfigurableModuleBuilder<MembersRpcOptions>({ moduleName: 'MembersRpc' }).build();
