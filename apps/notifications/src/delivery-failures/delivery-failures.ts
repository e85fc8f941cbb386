/**
 * How a try at one mail can end short of sending it. Any other error is transient: the
 * message is tried again after the next delay, then parked.
 */

/** There is nothing to send, and there will not be: the message is acked and logged. */
export class NothingToSend extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NothingToSend';
  }
}

/** Trying again would fail the same way: the message is parked at once with the reason. */
export class PermanentFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PermanentFailure';
  }
}
