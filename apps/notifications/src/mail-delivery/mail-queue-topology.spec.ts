import { mailQueueTopology } from './mail-queue-topology';

describe('mailQueueTopology', () => {
  it('gives each delay its own retry queue named after it, in order', () => {
    const topology = mailQueueTopology('notifications.account-created', { exchange: 'roster.events', routingKey: 'member.account.created' }, [300, 600, 900]);

    expect(topology).toEqual({
      queue: 'notifications.account-created',
      binding: { exchange: 'roster.events', routingKey: 'member.account.created' },
      retryTiers: [
        { queue: 'notifications.account-created.retry.300ms', delayMs: 300 },
        { queue: 'notifications.account-created.retry.600ms', delayMs: 600 },
        { queue: 'notifications.account-created.retry.900ms', delayMs: 900 },
      ],
      deadQueue: 'notifications.dead',
    });
  });
});
