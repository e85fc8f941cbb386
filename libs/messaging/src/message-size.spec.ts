import { encodeMessage, MAX_BROKER_MESSAGE_BYTES, MessageTooLargeError } from './message-size';

describe('encodeMessage', () => {
  it('encodes a body up to the limit as JSON', () => {
    const body = { text: 'x'.repeat(MAX_BROKER_MESSAGE_BYTES - 20) };
    expect(encodeMessage(body).length).toBeLessThanOrEqual(MAX_BROKER_MESSAGE_BYTES);
  });

  it('refuses a body past it, counting bytes rather than characters', () => {
    expect(() => encodeMessage({ text: 'é'.repeat(MAX_BROKER_MESSAGE_BYTES / 2) })).toThrow(MessageTooLargeError);
  });

  it('stays under RabbitMQ 4’s default limit of 16 MiB', () => {
    expect(MAX_BROKER_MESSAGE_BYTES).toBeLessThan(16 * 1024 * 1024);
  });
});
