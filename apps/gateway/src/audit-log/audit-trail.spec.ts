import { Logger } from '@nestjs/common';
import { PublishFailedError } from '@app/messaging';
import { RequestContext } from '@app/observability';
import type { AuditPublisher } from './audit-publisher';
import { AuditTrail } from './audit-trail';

const organizationId = '7a1b6f0e-0d2c-4c57-9a39-4a7f1f2b9c10';

function publisherAnswering(...outcomes: ('confirmed' | 'unrouted' | 'failed')[]) {
  const publish = jest.fn(async () => {
    const outcome = outcomes.shift() ?? 'failed';
    if (outcome === 'failed') throw new PublishFailedError('RabbitMQ is not connected');
    return { routed: outcome === 'confirmed' };
  });
  return { publish, publisher: { publish } as unknown as AuditPublisher };
}

const refusedSignIn = {
  action: 'member.sign_in_failed' as const,
  organizationId: null,
  actor: { type: 'anonymous' as const, id: null },
  typedLogin: 'Crimson-Falcon-Ledger-64',
  object: null,
  details: { refusal: 'invalid_credentials' as const },
};

describe('AuditTrail', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    logged.mockRestore();
  });

  it('publishes with the request’s id and address, and the same event id on each try', async () => {
    const { publish, publisher } = publisherAnswering('failed', 'confirmed');
    const trail = new AuditTrail(publisher);
    RequestContext.run({ requestId: 'req-7', sourceAddress: '203.0.113.4' }, () => trail.record({ ...refusedSignIn, organizationId }));
    await jest.advanceTimersByTimeAsync(1_000);
    await trail.beforeApplicationShutdown();

    expect(publish).toHaveBeenCalledTimes(2);
    const [[first], [second]] = publish.mock.calls as unknown as [{ id: string; requestId: string; sourceAddress: string }][];
    expect(first).toMatchObject({ requestId: 'req-7', sourceAddress: '203.0.113.4', action: 'member.sign_in_failed' });
    expect(second.id).toBe(first.id);
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs an event the broker never took as lost, whole but for the login typed', async () => {
    const { publish, publisher } = publisherAnswering('failed', 'failed', 'failed', 'failed');
    const trail = new AuditTrail(publisher);
    trail.record(refusedSignIn);
    await jest.advanceTimersByTimeAsync(20_000);
    await trail.beforeApplicationShutdown();

    expect(publish).toHaveBeenCalledTimes(4);
    expect(logged).toHaveBeenCalledTimes(1);
    const [entry] = logged.mock.calls[0] as [{ message: string; event: Record<string, unknown> }];
    expect(entry.message).toBe('audit event lost');
    expect(entry.event).toMatchObject({ action: 'member.sign_in_failed', details: { refusal: 'invalid_credentials' }, typedLogin: '(withheld)' });
    expect(JSON.stringify(entry)).not.toContain(refusedSignIn.typedLogin);
  });

  it('tries an event waiting for its next try once more as the gateway stops, then logs it as lost', async () => {
    const { publish, publisher } = publisherAnswering('failed');
    const trail = new AuditTrail(publisher);
    trail.record(refusedSignIn);
    await jest.advanceTimersByTimeAsync(10);
    await trail.beforeApplicationShutdown();
    expect(publish).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'audit event lost' }));
  });

  it('logs an event no queue took (the members service never declared it) as lost', async () => {
    const { publisher } = publisherAnswering('unrouted');
    const trail = new AuditTrail(publisher);
    trail.record({ ...refusedSignIn, typedLogin: undefined });
    await trail.beforeApplicationShutdown();
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'audit event lost', reason: expect.stringContaining('no audit queue') }));
  });
});
