import { writeWorkbook } from '@app/csv-import';

/** The headers the import recognises, and two examples: one asks for a user name, one leaves it to the suggestions. */
const TEMPLATE_ROWS = [
  ['Email', 'User name', 'First name', 'Last name'],
  ['jane.doe@example.com', 'jane_doe', 'Jane', 'Doe'],
  ['francois.lefevre@example.com', '', 'François', 'Lefèvre'],
];

/** What GET /member-batches/template.csv answers: UTF-8 with BOM and `;`, as Excel opens it in any language. */
export const MEMBER_LIST_TEMPLATE = '\ufeff' + [...TEMPLATE_ROWS.map((row) => row.join(';')), ''].join('\r\n');

let workbook: Promise<Buffer> | undefined;

/** What GET /member-batches/template.xlsx answers: the same rows in an Excel workbook, made once. */
export function memberListWorkbook(): Promise<Buffer> {
  workbook ??= writeWorkbook([{ name: 'Members', rows: TEMPLATE_ROWS.map((row) => row.map((cell) => cell || null)) }]);
  return workbook;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
