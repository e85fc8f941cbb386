export * from './load-environment';
export * from './service-environment';
