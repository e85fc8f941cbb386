export * from './upload-store';
export * from './uploads.module';
