/** Every message on the `roster.events` exchange has this envelope; `id` is the dedupe key. */
export interface EventEnvelope<TType extends string, TData> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  organizationId: string;
  data: TData;
}
