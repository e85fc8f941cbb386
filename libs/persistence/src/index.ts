export * from './duplicate-key';
export * from './insert-many';
export * from './driver-collection';
export * from './find-each';
