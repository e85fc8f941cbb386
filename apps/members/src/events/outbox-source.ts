export interface OutboxEntry {
  /** The document holding the event, used to mark it sent. */
  documentId: string;
  eventId: string;
  type: string;
  routingKey: string;
  event: unknown;
}

/** A collection whose documents carry events written with them, waiting for the relay. */
export interface OutboxSource {
  readonly name: string;
  pending(limit: number): Promise<OutboxEntry[]>;
  markPublished(documentIds: string[]): Promise<void>;
}

export const OUTBOX_SOURCES = Symbol('OUTBOX_SOURCES');
