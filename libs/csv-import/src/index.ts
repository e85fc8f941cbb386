export * from './csv-import.error';
export type { DirectoryExport } from './directory-export';
export type { DirectoryRow } from './directory-row';
export * from './errors-csv';
export * from './open-directory-export';
export { checkRowCount, countMemberRows, MAX_CELL_CHARACTERS, MAX_COLUMNS } from './record-limits';
export * from './xlsx/workbook-writer';
