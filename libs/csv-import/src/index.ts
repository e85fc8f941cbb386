export * from './csv-import.error';
export * from './directory-csv-reader';
export * from './errors-csv';
