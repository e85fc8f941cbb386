export * from './confirmed-publisher';
export * from './consumer';
export * from './rabbit-connection';
export * from './topology';
export * from './rabbitmq.module';
