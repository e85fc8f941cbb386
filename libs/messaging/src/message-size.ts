/**
 * The largest message body Roster puts on the broker. RabbitMQ 4 refuses a message over 16 MiB by
 * default (`max_message_size`) and closes the channel; Debian's 3.10 allows 128 MiB, so a test on it
 * alone would not notice. A margin is left for the properties and headers.
 */
export const MAX_BROKER_MESSAGE_BYTES = 16 * 1024 * 1024 - 64 * 1024;

export class MessageTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`a message of ${bytes} bytes is over the broker's limit of ${MAX_BROKER_MESSAGE_BYTES} bytes`);
    this.name = 'MessageTooLargeError';
  }
}

/** The JSON body of a message; throws rather than let the broker refuse it. */
export function encodeMessage(body: unknown): Buffer {
  const content = Buffer.from(JSON.stringify(body));
  if (content.length > MAX_BROKER_MESSAGE_BYTES) throw new MessageTooLargeError(content.length);
  return content;
}
