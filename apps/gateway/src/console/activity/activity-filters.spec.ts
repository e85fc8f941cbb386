import { activityFilters, auditQueryOf } from './activity-filters';

const id = '5D3E2C1B-4A59-4B68-8C7D-6E5F4A3B2C1D';

describe('activityFilters', () => {
  it('reads the filters of the page’s address', () => {
    expect(activityFilters({ action: 'batch.committed', from: '2026-11-01', to: '2026-11-30', actorId: id, objectId: id })).toEqual({
      action: 'batch.committed',
      from: '2026-11-01',
      to: '2026-11-30',
      actorId: id.toLowerCase(),
      objectId: id.toLowerCase(),
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['nothing', {}],
    ['an unknown action', { action: 'member.renamed' }],
    ['days that are not days', { from: '2026-13-45', to: 'yesterday' }],
    ['ids that are not ids', { actorId: 'root', objectId: ['x'] }],
  ])('takes %s as no filter', (_case, query) => {
    expect(activityFilters(query)).toEqual({ action: '', from: '', to: '', actorId: '', objectId: '' });
  });
});

describe('auditQueryOf', () => {
  it('asks for whole UTC days, the last one included', () => {
    expect(auditQueryOf({ action: '', from: '2026-11-01', to: '2026-11-30', actorId: '', objectId: '' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T23:59:59.999Z',
    });
  });

  it('sends no empty filter', () => {
    expect(auditQueryOf({ action: '', from: '', to: '', actorId: '', objectId: '' })).toEqual({});
  });
});
