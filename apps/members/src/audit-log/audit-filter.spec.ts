import { auditEventsFilter, retentionCutoff } from './audit-filter';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';
const id = '5D3E2C1B-4A59-4B68-8C7D-6E5F4A3B2C1D';

describe('auditEventsFilter', () => {
  it.each<[string, object, object]>([
    ['no filter: the organization only', {}, { organizationId }],
    ['an actor, in lowercase as ids are stored', { actorId: id }, { organizationId, actorId: id.toLowerCase() }],
    ['an object', { objectId: id }, { organizationId, objectId: id.toLowerCase() }],
    ['an action', { action: 'batch.committed' }, { organizationId, action: 'batch.committed' }],
    ['from only', { from: '2026-01-01T00:00:00Z' }, { organizationId, at: { $gte: new Date('2026-01-01T00:00:00Z') } }],
    ['to only', { to: '2026-01-31T23:59:59Z' }, { organizationId, at: { $lte: new Date('2026-01-31T23:59:59Z') } }],
    [
      'all of them',
      { actorId: id, action: 'admin.signed_in', objectId: id, from: '2026-01-01T00:00:00+01:00', to: '2026-01-02T00:00:00Z' },
      {
        organizationId,
        actorId: id.toLowerCase(),
        action: 'admin.signed_in',
        objectId: id.toLowerCase(),
        at: { $gte: new Date('2025-12-31T23:00:00Z'), $lte: new Date('2026-01-02T00:00:00Z') },
      },
    ],
  ])('%s', (_case, query, expected) => {
    expect(auditEventsFilter(organizationId, query)).toEqual(expected);
  });
});

describe('retentionCutoff', () => {
  it('is the given number of whole days before now', () => {
    expect(retentionCutoff(new Date('2026-12-01T09:00:00Z'), 400)).toEqual(new Date('2025-10-27T09:00:00Z'));
    expect(retentionCutoff(new Date('2026-12-01T09:00:00Z'), 1)).toEqual(new Date('2026-11-30T09:00:00Z'));
  });
});
