export interface OutboxEntry {
  eventId: string;
  type: string;
  routingKey: string;
  event: unknown;
}

/** A document holding events written with it; it is marked sent once all of them are confirmed. */
export interface OutboxDocument {
  documentId: string;
  entries: OutboxEntry[];
}

/** A collection whose documents carry events waiting for the relay. */
export interface OutboxSource {
  readonly name: string;
  pending(limit: number): Promise<OutboxDocument[]>;
  markPublished(documentIds: string[]): Promise<void>;
}

export const OUTBOX_SOURCES = Symbol('OUTBOX_SOURCES');
