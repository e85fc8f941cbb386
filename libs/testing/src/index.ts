export * from './test-backends';
export * from './event-tap';
