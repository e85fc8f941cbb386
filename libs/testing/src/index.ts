export * from './test-backends';
