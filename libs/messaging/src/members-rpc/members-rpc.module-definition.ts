import { ConfigurableModuleBuilder } from '@nestjs/common';
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
}

export const {
  ConfigurableModuleClass: ConfigurableMembersRpcModule,
  MODULE_OPTIONS_TOKEN: MEMBERS_RPC_OPTIONS,
} = new ConfigurableModuleBuilder<MembersRpcOptions>({ moduleName: 'MembersRpc' }).build();
