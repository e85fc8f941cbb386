export * from './csv-import.error';
export type { DirectoryExport } from './directory-export';
export type { DirectoryRow } from './directory-row';
export * from './errors-csv';
export * from './open-directory-export';
export * from './xlsx/workbook-writer';
