export * from './test-backends';
export * from './event-tap';
export * from './smtp-capture';
