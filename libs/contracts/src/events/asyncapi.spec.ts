import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AsyncAPIDocumentInterface, type Diagnostic, DiagnosticSeverity, Parser } from '@asyncapi/parser';
import ts from 'typescript';
import { Exchanges, RoutingKeys } from '../messaging/topology';
import { ACCOUNT_CREATED_VERSION, accountCreatedEventSchema } from './account-created.event';
import { ACCOUNT_DELETED_VERSION, accountDeletedEventSchema } from './account-deleted.event';
import { BATCH_COMPLETED_VERSION, batchCompletedEventSchema } from './batch-completed.event';
import { INVITATION_CANCELLED_VERSION, invitationCancelledEventSchema } from './invitation-cancelled.event';
import { INVITATION_DECLINED_VERSION, invitationDeclinedEventSchema } from './invitation-declined.event';
import { INVITATION_EXPIRED_VERSION, invitationExpiredEventSchema } from './invitation-expired.event';
import { MEMBER_INVITED_VERSION, memberInvitedEventSchema } from './member-invited.event';
import { MEMBER_JOINED_VERSION, memberJoinedEventSchema } from './member-joined.event';
import { MEMBER_REACTIVATED_VERSION, memberReactivatedEventSchema } from './member-reactivated.event';
import { MEMBER_REMOVED_VERSION, memberRemovedEventSchema } from './member-removed.event';
import { MEMBER_SUSPENDED_VERSION, memberSuspendedEventSchema } from './member-suspended.event';

/**
 * docs/asyncapi.yaml is written by hand for subscribers; this spec holds it to libs/contracts:
 * the events, their routing keys on the events exchange, and each payload's schema.
 */
const ASYNCAPI_FILE = join(__dirname, '../../../../docs/asyncapi.yaml');
const EVENTS_DIR = __dirname;

interface PublishedEvent {
  type: keyof typeof RoutingKeys;
  /** The `EventEnvelope<…>` type of the event in libs/contracts/src/events. */
  typeName: string;
  version: number;
  /** The event's JSON Schema in libs/contracts. */
  schema: object;
}

/** Every message on the events exchange; the test "lists every event…" keeps this table complete. */
const publishedEvents: PublishedEvent[] = [
  { type: 'AccountCreated', typeName: 'AccountCreatedEvent', version: ACCOUNT_CREATED_VERSION, schema: accountCreatedEventSchema },
  { type: 'BatchCompleted', typeName: 'BatchCompletedEvent', version: BATCH_COMPLETED_VERSION, schema: batchCompletedEventSchema },
  { type: 'MemberSuspended', typeName: 'MemberSuspendedEvent', version: MEMBER_SUSPENDED_VERSION, schema: memberSuspendedEventSchema },
  { type: 'MemberReactivated', typeName: 'MemberReactivatedEvent', version: MEMBER_REACTIVATED_VERSION, schema: memberReactivatedEventSchema },
  { type: 'AccountDeleted', typeName: 'AccountDeletedEvent', version: ACCOUNT_DELETED_VERSION, schema: accountDeletedEventSchema },
  { type: 'MemberInvited', typeName: 'MemberInvitedEvent', version: MEMBER_INVITED_VERSION, schema: memberInvitedEventSchema },
  { type: 'MemberJoined', typeName: 'MemberJoinedEvent', version: MEMBER_JOINED_VERSION, schema: memberJoinedEventSchema },
  { type: 'InvitationDeclined', typeName: 'InvitationDeclinedEvent', version: INVITATION_DECLINED_VERSION, schema: invitationDeclinedEventSchema },
  { type: 'InvitationExpired', typeName: 'InvitationExpiredEvent', version: INVITATION_EXPIRED_VERSION, schema: invitationExpiredEventSchema },
  { type: 'InvitationCancelled', typeName: 'InvitationCancelledEvent', version: INVITATION_CANCELLED_VERSION, schema: invitationCancelledEventSchema },
  { type: 'MemberRemoved', typeName: 'MemberRemovedEvent', version: MEMBER_REMOVED_VERSION, schema: memberRemovedEventSchema },
];

type JsonSchema = Record<string, any>;
/** A type written out for comparison: `"string"`, `"null | string"`, `"\"csv\" | \"emails\""`, or an object's keys (`name?` when optional). */
type Shape = string | { [key: string]: Shape };

interface DeclaredEvent {
  typeName: string;
  eventType: string;
  shape: Shape;
}

describe('docs/asyncapi.yaml', () => {
  let parsed: { document?: AsyncAPIDocumentInterface; diagnostics: Diagnostic[] };
  let declaredEvents: DeclaredEvent[];

  beforeAll(async () => {
    parsed = await new Parser().parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
    declaredEvents = contractEventTypes();
  }, 60_000);

  function declaredShape(event: PublishedEvent): Shape {
    const declared = declaredEvents.find((candidate) => candidate.typeName === event.typeName);
    if (!declared) throw new Error(`libs/contracts/src/events declares no ${event.typeName}`);
    return declared.shape;
  }

  function asyncApi(): AsyncAPIDocumentInterface {
    if (!parsed.document) throw new Error('docs/asyncapi.yaml did not parse: see the test "is a valid AsyncAPI 3.0.0 document"');
    return parsed.document;
  }

  function channelOf(event: PublishedEvent) {
    const channel = asyncApi().channels().all().find((candidate) => candidate.address() === RoutingKeys[event.type]);
    if (!channel) throw new Error(`no channel has the address ${RoutingKeys[event.type]} (${event.type})`);
    return channel;
  }

  function messageOf(event: PublishedEvent) {
    const message = channelOf(event).messages().all().find((candidate) => candidate.name() === event.type);
    if (!message) throw new Error(`the channel ${RoutingKeys[event.type]} has no ${event.type} message`);
    return message;
  }

  function payloadOf(event: PublishedEvent): JsonSchema {
    const payload = messageOf(event).payload()?.json();
    if (!payload) throw new Error(`the ${event.type} message has no payload`);
    return withoutParserKeys(payload);
  }

  it('is a valid AsyncAPI 3.0.0 document', () => {
    const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message} (${error.code})`)).toEqual([]);
    expect(asyncApi().version()).toBe('3.0.0');
  });

  it('describes the broker and the credentials a subscriber needs', () => {
    const servers = asyncApi().servers().all();
    expect(servers.map((server) => server.protocol())).toEqual(['amqp']);
    expect(servers[0].security().flatMap((requirements) => requirements.all().map((requirement) => requirement.scheme().type()))).toEqual(['userPassword']);
  });

  it('lists every event envelope declared in libs/contracts/src/events', () => {
    const declared = declaredEvents.map(({ typeName, eventType }) => ({ typeName, eventType }));
    const listed = publishedEvents.map(({ typeName, type }) => ({ typeName, eventType: type }));
    expect(sortBy(listed, 'typeName')).toEqual(sortBy(declared, 'typeName'));
  });

  it('has one channel and one message per published event, and no others', () => {
    const channels = asyncApi()
      .channels()
      .all()
      .map((channel) => ({ address: channel.address(), messages: channel.messages().all().map((message) => message.name()) }));
    const expected = publishedEvents.map((event) => ({ address: RoutingKeys[event.type], messages: [event.type] }));
    expect(sortBy(channels, 'address')).toEqual(sortBy(expected, 'address'));
    expect(asyncApi().messages().all().map((message) => message.name()).sort()).toEqual(publishedEvents.map((event) => event.type).sort());
  });

  it.each(publishedEvents)('puts $type on its routing key of the durable topic exchange, as JSON', (event) => {
    const channel = channelOf(event);
    expect(channel.bindings().get('amqp')?.value()).toMatchObject({
      is: 'routingKey',
      exchange: { name: Exchanges.Events, type: 'topic', durable: true, autoDelete: false, vhost: '/' },
    });
    const [message] = channel.messages().all();
    expect(message.contentType()).toBe('application/json');
    expect(message.bindings().get('amqp')?.value()).toMatchObject({ messageType: event.type });
    expect(payloadOf(event).properties).toMatchObject({ type: { const: event.type }, version: { const: event.version } });
  });

  it('offers subscribers one receive operation per channel, and nothing else', () => {
    const operations = asyncApi()
      .operations()
      .all()
      .map((operation) => ({
        action: operation.action(),
        channels: operation.channels().all().map((channel) => channel.address()),
        messages: operation.messages().all().map((message) => message.name()),
        amqp: operation.bindings().get('amqp')?.value(),
      }));
    const expected = publishedEvents.map((event) => ({
      action: 'receive',
      channels: [RoutingKeys[event.type]],
      messages: [event.type],
      amqp: expect.objectContaining({ deliveryMode: 2, ack: true }),
    }));
    expect(sortBy(operations, 'channels')).toEqual(sortBy(expected, 'channels'));
  });

  it.each(publishedEvents)('gives $type the JSON Schema exported by libs/contracts', (event) => {
    expect(payloadOf(event)).toEqual(event.schema);
  });

  it.each(publishedEvents)('gives $type the envelope of the JSON Schema in libs/contracts', (event) => {
    // Every event shares one envelope: AccountCreated's stands for it.
    expect(envelopeOf(payloadOf(event))).toEqual(envelopeOf(accountCreatedEventSchema));
  });

  it.each(publishedEvents)('gives $type the fields and types of its TypeScript type in libs/contracts', (event) => {
    expect(describeSchema(payloadOf(event))).toEqual(declaredShape(event));
  });

  // The parser does not check examples against their payload schema; subscribers copy them.
  it.each(publishedEvents)('gives $type examples that are values of its TypeScript type', (event) => {
    const examples = messageOf(event)
      .examples()
      .all()
      .map((example) => example.payload());
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(mismatches(example, declaredShape(event), event.type)).toEqual([]);
      expect(example).toMatchObject({ type: event.type, version: event.version });
    }
  });
});

/** The parser marks what it resolved with `x-parser-*` keys; the contracts know nothing of them. */
function withoutParserKeys(value: any): any {
  if (Array.isArray(value)) return value.map(withoutParserKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-parser-')).map(([key, inner]) => [key, withoutParserKeys(inner)]));
}

/** What every event's schema shares: all but `$schema`, `$id`, `title` and the `type`, `version` and `data` it is about. */
function envelopeOf(schema: JsonSchema): JsonSchema {
  const { type: _type, version: _version, data: _data, ...properties } = schema.properties ?? {};
  return { type: schema.type, additionalProperties: schema.additionalProperties, required: schema.required, properties };
}

function sortBy<T>(items: T[], key: keyof T): T[] {
  return [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

/** The `EventEnvelope<'Type', Data>` aliases of libs/contracts/src/events, written out as shapes. */
function contractEventTypes(): DeclaredEvent[] {
  const files = readdirSync(EVENTS_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => join(EVENTS_DIR, name));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    types: [],
    lib: ['lib.es5.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  return files.flatMap((file) =>
    program
      .getSourceFile(file)!
      .statements.filter(ts.isTypeAliasDeclaration)
      .filter((alias) => ts.isTypeReferenceNode(alias.type) && alias.type.typeName.getText() === 'EventEnvelope')
      .map((alias) => {
        const [eventTypeArgument] = (alias.type as ts.TypeReferenceNode).typeArguments ?? [];
        const eventType = checker.getTypeFromTypeNode(eventTypeArgument);
        if (!eventType.isStringLiteral()) throw new Error(`${alias.name.text}: the event type must be a string literal`);
        return { typeName: alias.name.text, eventType: eventType.value, shape: describeType(checker, checker.getTypeAtLocation(alias.name)) };
      }),
  );
}

/** JSON has no `undefined` and one kind of number, so optional keys end in `?` and every number is `number`. */
function describeType(checker: ts.TypeChecker, type: ts.Type): Shape {
  if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
  if (type.isUnion()) return union(type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined)).map((member) => describeType(checker, member)));
  if (type.isStringLiteral()) return JSON.stringify(type.value);
  if (type.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return 'number';
  if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.Null | ts.TypeFlags.BooleanLiteral)) return checker.typeToString(type);
  const declaration = type.getSymbol()?.declarations?.[0];
  if (type.flags & ts.TypeFlags.Object && declaration?.getSourceFile().fileName.includes('/libs/contracts/')) {
    return Object.fromEntries(
      checker.getPropertiesOfType(type).map((property) => [
        property.flags & ts.SymbolFlags.Optional ? `${property.name}?` : property.name,
        describeType(checker, checker.getTypeOfSymbol(property)),
      ]),
    );
  }
  throw new Error(`cannot write out the TypeScript type ${checker.typeToString(type)}: extend describeType in asyncapi.spec.ts`);
}

/** The JSON Schema keywords the contracts use, written out like `describeType` writes TypeScript. */
function describeSchema(schema: JsonSchema): Shape {
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return union(schema.enum.map(literal));
  const types: string[] = [schema.type].flat();
  if (types.length === 1 && types[0] === 'object') {
    const required: string[] = schema.required ?? [];
    const shape: Record<string, Shape> = {};
    for (const [key, property] of Object.entries<JsonSchema>(schema.properties ?? {})) shape[required.includes(key) ? key : `${key}?`] = describeSchema(property);
    for (const key of required.filter((name) => !(name in (schema.properties ?? {})))) shape[key] = 'required but not described';
    if (schema.additionalProperties !== false) shape['[key: string]'] = 'unknown';
    return shape;
  }
  const names: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', null: 'null' };
  return union(
    types.map((name) => {
      if (!names[name]) throw new Error(`cannot write out the JSON Schema ${JSON.stringify(schema)}: extend describeSchema in asyncapi.spec.ts`);
      return names[name];
    }),
  );
}

/** Where a JSON value differs from a shape written by `describeType`. */
function mismatches(value: unknown, shape: Shape, path: string): string[] {
  if (typeof shape === 'string') {
    const fits = shape.split(' | ').some((member) => (member === 'null' ? value === null : member.startsWith('"') ? value === JSON.parse(member) : typeof value === member));
    return fits ? [] : [`${path}: ${JSON.stringify(value)} is not ${shape}`];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: ${JSON.stringify(value)} is not an object`];
  const record = value as Record<string, unknown>;
  const missing = Object.keys(shape).filter((key) => !key.endsWith('?') && !(key in record));
  return [
    ...missing.map((key) => `${path}.${key}: missing`),
    ...Object.entries(record).flatMap(([key, inner]) => {
      const expected = shape[key] ?? shape[`${key}?`];
      return expected === undefined ? [`${path}.${key}: not in the type`] : mismatches(inner, expected, `${path}.${key}`);
    }),
  ];
}

function literal(value: unknown): string {
  return typeof value === 'number' ? 'number' : JSON.stringify(value);
}

function union(members: Shape[]): Shape {
  const names = members.map((member) => {
    if (typeof member !== 'string') throw new Error('a union of object types cannot be compared: extend asyncapi.spec.ts');
    return member;
  });
  const distinct = [...new Set(names)];
  const withBoolean = distinct.includes('true') && distinct.includes('false') ? [...distinct.filter((name) => name !== 'true' && name !== 'false'), 'boolean'] : distinct;
  return withBoolean.sort().join(' | ');
}
