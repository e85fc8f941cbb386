import { MembersRpc } from '@app/contracts';
import { rpcCallerCheck } from './rpc-callers';

describe('rpcCallerCheck', () => {
  const may = rpcCallerCheck({ gateway: 'roster-gateway', notifications: 'roster-notifications' });

  it.each([
    [MembersRpc.IssueActivationLinks, 'roster-notifications', true],
    [MembersRpc.IssueActivationLinks, 'roster-gateway', false],
    [MembersRpc.IssueActivationLinks, 'roster-events', false],
    [MembersRpc.IssueActivationLinks, 'guest', false],
    [MembersRpc.GetBatchSummary, 'roster-notifications', true],
    [MembersRpc.GetBatchSummary, 'roster-gateway', false],
    [MembersRpc.CommitBatch, 'roster-gateway', true],
    [MembersRpc.CommitBatch, 'roster-notifications', false],
    [MembersRpc.VerifyAdmin, 'roster-events', false],
    [MembersRpc.Activate, 'roster-gateway', true],
    [MembersRpc.Ping, 'roster-gateway', true],
    ['constructor', 'roster-gateway', false],
    ['batches.unknown', 'roster-gateway', false],
  ])('%s from %s: %s', (pattern, user, allowed) => {
    expect(may(pattern, user)).toBe(allowed);
  });

  it('serves both sides when one broker user runs both services (a benchmark on its own vhost)', () => {
    const shared = rpcCallerCheck({ gateway: 'guest', notifications: 'guest' });
    expect(shared(MembersRpc.IssueActivationLinks, 'guest')).toBe(true);
    expect(shared(MembersRpc.CommitBatch, 'guest')).toBe(true);
  });
});
