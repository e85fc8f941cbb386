import type { Channel } from 'amqplib';

/**
 * The live channel that `RabbitConnection.keepChannel` keeps open: undefined while the connection
 * is down or the channel is being opened again, then the new channel once its setup is done.
 */
export class KeptChannel<C extends Channel> {
  private channel?: C;
  private readonly waiting = new Set<(channel: C | undefined) => void>();

  get current(): C | undefined {
    return this.channel;
  }

  /** The open channel, waiting up to `timeoutMs` for one being opened; undefined if none came. */
  ready(timeoutMs: number): Promise<C | undefined> {
    if (this.channel || timeoutMs <= 0) return Promise.resolve(this.channel);
    return new Promise((resolve) => {
      const done = (channel: C | undefined) => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve(channel);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.waiting.add(done);
    });
  }

  /** Called by RabbitConnection once a channel is set up. */
  opened(channel: C): void {
    this.channel = channel;
    for (const waiter of [...this.waiting]) waiter(channel);
  }

  /** Called by RabbitConnection when a channel closes. */
  lost(channel: C): void {
    if (this.channel === channel) this.channel = undefined;
  }
}
