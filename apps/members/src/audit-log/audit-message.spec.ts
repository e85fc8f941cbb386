import { readAuditMessage } from './audit-message';

const event = {
  id: '0b6f2f55-3f0e-4d7e-9a43-2d1c0b9a8f7e',
  action: 'batch.row_edited',
  at: '2026-12-01T09:00:00.000Z',
  organizationId: '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10',
  actor: { type: 'admin', id: '2f0c5c1e-8a2d-4a8e-9f10-3c4d5e6f7a8b' },
  object: { type: 'batch_row', id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
  sourceAddress: '198.51.100.7',
  requestId: 'req-1',
  details: { batchId: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a', changedFields: ['password', 'firstName'] },
};

const read = (body: unknown) => readAuditMessage(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));

describe('readAuditMessage', () => {
  it('takes a well-formed event', async () => {
    expect(await read(event)).toMatchObject(event);
  });

  it('takes a refused sign-in with its typed login and no organization or object', async () => {
    const refusal = { ...event, action: 'admin.sign_in_failed', organizationId: null, actor: { type: 'anonymous', id: null }, object: null, typedLogin: 'who@x.example', details: { refusal: 'invalid_credentials' } };
    expect(await read(refusal)).toMatchObject(refusal);
  });

  it.each<[string, unknown]>([
    ['not JSON', '{'],
    ['an array', [event]],
    ['an unknown action', { ...event, action: 'member.renamed' }],
    ['a field the contract does not name (a password)', { ...event, password: 'Secret-Password-1' }],
    ['a detail the contract does not name (a value typed)', { ...event, details: { ...event.details, firstName: 'Jane' } }],
    ['a changed field that is not a row field', { ...event, details: { changedFields: ['passwordHash'] } }],
    ['an actor that is not an id', { ...event, actor: { type: 'admin', id: 'root' } }],
    ['no time', { ...event, at: undefined }],
    ['an id with spaces', { ...event, id: 'a b' }],
  ])('refuses %s', async (_case, body) => {
    expect(await read(body)).toHaveProperty('refused');
  });
});
