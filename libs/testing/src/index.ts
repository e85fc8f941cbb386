export * from './test-backends';
export * from './event-tap';
export * from './broker-outage';
export * from './smtp-capture';
