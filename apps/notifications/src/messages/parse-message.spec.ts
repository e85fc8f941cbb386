import { randomUUID } from 'node:crypto';
import { AccountCreatedMessage } from './account-created.message';
import { SendActivationEmailMessage } from './send-activation-email.message';
import { BatchCompletedMessage } from './batch-completed.message';
import { parseMessage } from './parse-message';

const accountCreated = {
  id: randomUUID(),
  type: 'AccountCreated',
  version: 2,
  occurredAt: '2025-03-04T10:00:00.000Z',
  organizationId: randomUUID(),
  data: {
    memberId: randomUUID(),
    email: 'jeanne@acme.example',
    accountName: 'jdupont',
    firstName: 'Jeanne',
    lastName: null,
    accountType: 'business',
    locale: 'fr',
    batchId: randomUUID(),
    organizationName: 'Acme',
    passwordSetByAdmin: false,
  },
};

const batchCompleted = {
  id: randomUUID(),
  type: 'BatchCompleted',
  version: 1,
  occurredAt: '2025-03-04T10:00:00.000Z',
  organizationId: randomUUID(),
  data: { batchId: randomUUID(), source: 'emails', status: 'completed', counts: { total: 4, valid: 0, invalid: 1, created: 3, failed: 0 }, startedByAdminId: randomUUID() },
};

const sendActivationEmail = {
  id: randomUUID(),
  requestedAt: '2025-03-04T10:00:00.000Z',
  memberId: randomUUID(),
  organizationId: randomUUID(),
  email: 'jeanne@acme.example',
  accountName: 'jdupont',
  firstName: null,
  organizationName: 'Acme',
  locale: 'en',
  passwordSetByAdmin: true,
};

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('parseMessage', () => {
  it.each([
    ['AccountCreated', AccountCreatedMessage, accountCreated],
    ['AccountCreated without the fields this service ignores', AccountCreatedMessage, { ...accountCreated, data: { ...accountCreated.data, lastName: undefined, accountType: undefined, batchId: undefined } }],
    ['BatchCompleted', BatchCompletedMessage, batchCompleted],
    ['SendActivationEmail', SendActivationEmailMessage, sendActivationEmail],
  ] as const)('accepts a well-formed %s', (_, schema, body) => {
    const parsed = parseMessage(schema as new () => object, json(body));

    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ id: body.id }) });
  });

  it.each<[string, Buffer, string]>([
    ['text', Buffer.from('hello'), 'malformed message: the body is not JSON'],
    ['an array', json([accountCreated]), 'malformed message: the body is not a JSON object'],
    ['null', json(null), 'malformed message: the body is not a JSON object'],
    ['another event type', json({ ...accountCreated, type: 'AccountDeleted' }), 'type must be equal to AccountCreated'],
    ['a later version', json({ ...accountCreated, version: 3 }), 'version must be equal to 2'],
    ['no id', json({ ...accountCreated, id: undefined }), 'id must be a UUID'],
    ['no data', json({ ...accountCreated, data: undefined }), 'data should not be null or undefined'],
    ['data that is a string', json({ ...accountCreated, data: 'x' }), 'nested property data must be either object or array'],
    ['a member id that is not a UUID', json({ ...accountCreated, data: { ...accountCreated.data, memberId: '42' } }), 'data.memberId must be a UUID'],
    ['an unknown locale', json({ ...accountCreated, data: { ...accountCreated.data, locale: 'de' } }), 'data.locale must be one of the following values: fr, en'],
  ])('refuses an AccountCreated that is %s', (_, content, reason) => {
    const parsed = parseMessage(AccountCreatedMessage, content);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
    expect(!parsed.ok && parsed.reason.startsWith('malformed message: ')).toBe(true);
  });

  it.each<[string, object, string]>([
    ['negative counts', { ...batchCompleted, data: { ...batchCompleted.data, counts: { ...batchCompleted.data.counts, created: -1 } } }, 'data.counts.created must not be less than 0'],
    ['no counts', { ...batchCompleted, data: { batchId: batchCompleted.data.batchId } }, 'data.counts should not be null or undefined'],
    ['a batch id that is not a UUID', { ...batchCompleted, data: { ...batchCompleted.data, batchId: '../../admin' } }, 'data.batchId must be a UUID'],
  ])('refuses a BatchCompleted with %s', (_, body, reason) => {
    const parsed = parseMessage(BatchCompletedMessage, json(body));

    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it('names the envelope’s faults before those of its data, within the five it lists', () => {
    const parsed = parseMessage(AccountCreatedMessage, json({ id: 'nope', type: 'AccountCreated', version: 2, data: { memberId: 42 } }));

    expect(!parsed.ok && parsed.reason).toMatch(/^malformed message: id must be a UUID; occurredAt [^;]*; organizationId [^;]*; organizationId [^;]*; data\.\w+ must [^;]*$/);
  });

  it('never quotes the values it refuses', () => {
    const parsed = parseMessage(SendActivationEmailMessage, json({ ...sendActivationEmail, memberId: 'secret-looking-value' }));

    expect(!parsed.ok && parsed.reason).toBe('malformed message: memberId must be a UUID');
  });
});
