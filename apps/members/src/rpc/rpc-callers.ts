import { MEMBERS_RPC_CALLERS, type MembersRpcCaller } from '@app/contracts';

/**
 * Whether `brokerUser` may ask for `pattern`: only the broker user configured for the service
 * `MEMBERS_RPC_CALLERS` names. Unknown patterns are nobody's (the server answers them anyway
 * that it does not know them).
 */
export function rpcCallerCheck(brokerUsers: Readonly<Record<MembersRpcCaller, string>>): (pattern: string, brokerUser: string) => boolean {
  return (pattern, brokerUser) => {
    if (!Object.hasOwn(MEMBERS_RPC_CALLERS, pattern)) return false;
    return brokerUsers[MEMBERS_RPC_CALLERS[pattern as keyof typeof MEMBERS_RPC_CALLERS]] === brokerUser;
  };
}
