import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { EventRelay } from './event-relay';
import { OUTBOX_SOURCES, type OutboxSource } from './outbox-source';

/**
 * The relay of events waiting in outboxes. The capabilities that write outboxes are named by the
 * root module, so this folder depends on none of them.
 */
@Module({})
export class EventsModule {
  static relaying(sourcesModules: Type[], sources: Type<OutboxSource>[]): DynamicModule {
    return {
      module: EventsModule,
      imports: sourcesModules,
      providers: [{ provide: OUTBOX_SOURCES, inject: sources, useFactory: (...outboxes: OutboxSource[]) => outboxes }, EventRelay],
    };
  }
}
