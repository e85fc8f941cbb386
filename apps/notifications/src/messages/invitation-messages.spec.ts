import { randomUUID } from 'node:crypto';
import { MEMBER_INVITED_VERSION, type MemberInvitedEvent, type SendInvitationEmailCommand } from '@app/contracts';
import { MemberInvitedMessage } from './member-invited.message';
import { parseMessage } from './parse-message';
import { SendInvitationEmailMessage } from './send-invitation-email.message';

const memberInvited: MemberInvitedEvent = {
  id: randomUUID(),
  type: 'MemberInvited',
  version: MEMBER_INVITED_VERSION,
  occurredAt: '2025-03-04T10:00:00.000Z',
  organizationId: randomUUID(),
  data: {
    invitationId: randomUUID(),
    memberId: randomUUID(),
    accountName: 'jdupont',
    accountType: 'personal',
    email: 'jeanne@mail.example',
    firstName: null,
    locale: 'fr',
    organizationName: 'Acme',
    batchId: null,
    invitedByAdminId: randomUUID(),
    expiresAt: '2025-03-18T10:00:00.000Z',
  },
};

const sendInvitationEmail: SendInvitationEmailCommand = {
  id: randomUUID(),
  requestedAt: '2025-03-05T10:00:00.000Z',
  invitationId: memberInvited.data.invitationId,
  memberId: memberInvited.data.memberId,
  email: 'jeanne@mail.example',
  accountName: 'jdupont',
  firstName: 'Jeanne',
  locale: 'en',
  organizationName: 'Acme',
  expiresAt: '2025-03-18T10:00:00.000Z',
};

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('the messages of an invitation mail', () => {
  it.each([
    ['MemberInvited', MemberInvitedMessage, memberInvited],
    ['MemberInvited without the fields this service ignores', MemberInvitedMessage, { ...memberInvited, data: { ...memberInvited.data, accountType: undefined, batchId: undefined, invitedByAdminId: undefined } }],
    ['SendInvitationEmail', SendInvitationEmailMessage, sendInvitationEmail],
  ] as const)('accepts a well-formed %s', (_, schema, body) => {
    const parsed = parseMessage(schema as new () => object, json(body));

    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ id: body.id }) });
  });

  it.each<[string, object, string]>([
    ['another event type', { ...memberInvited, type: 'MemberJoined' }, 'type must be equal to MemberInvited'],
    ['a later version', { ...memberInvited, version: MEMBER_INVITED_VERSION + 1 }, `version must be equal to ${MEMBER_INVITED_VERSION}`],
    ['an invitation id that would change the link', { ...memberInvited, data: { ...memberInvited.data, invitationId: '../signin?next=x' } }, 'data.invitationId must be a UUID'],
    ['no address', { ...memberInvited, data: { ...memberInvited.data, email: undefined } }, 'data.email must be an email'],
    ['no organization name', { ...memberInvited, data: { ...memberInvited.data, organizationName: '' } }, 'data.organizationName must be longer than or equal to 1 characters'],
    ['an expiry that is not a date', { ...memberInvited, data: { ...memberInvited.data, expiresAt: 'in two weeks' } }, 'data.expiresAt must be a valid ISO 8601 date string'],
    ['an unknown locale', { ...memberInvited, data: { ...memberInvited.data, locale: 'de' } }, 'data.locale must be one of the following values: fr, en'],
  ])('refuses a MemberInvited with %s', (_, body, reason) => {
    const parsed = parseMessage(MemberInvitedMessage, json(body));

    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it.each<[string, object, string]>([
    ['no command id', { ...sendInvitationEmail, id: undefined }, 'id must be a UUID'],
    ['no invitation id', { ...sendInvitationEmail, invitationId: undefined }, 'invitationId must be a UUID'],
    ['no expiry', { ...sendInvitationEmail, expiresAt: undefined }, 'expiresAt must be a valid ISO 8601 date string'],
  ])('refuses a SendInvitationEmail with %s', (_, body, reason) => {
    const parsed = parseMessage(SendInvitationEmailMessage, json(body));

    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});
