export * from './errors/api-error';
export * from './errors/error-code';
export * from './events/account-created.event';
export * from './events/batch-completed.event';
export * from './events/event-envelope';
export * from './locale';
export * from './members/members-rpc';
export * from './messaging/topology';
