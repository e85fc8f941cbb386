import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type NotCsvContent =
  | 'png_image'
  | 'zip_archive'
  | 'legacy_excel_workbook'
  | 'pdf_document'
  | 'gzip_archive'
  | 'binary_data';

export type EncodingDetection =
  | { readonly isText: true; readonly encoding: CsvEncoding }
  | { readonly isText: false; readonly content: NotCsvContent };

const SIGNATURES: ReadonlyArray<{ readonly content: NotCsvContent; readonly bytes: readonly number[] }> = [
  { content: 'png_image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // .xlsx and .ods workbooks are ZIP archives too.
  { content: 'zip_archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { content: 'zip_archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { content: 'legacy_excel_workbook', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { content: 'pdf_document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { content: 'gzip_archive', bytes: [0x1f, 0x8b] },
];

const BYTE_ORDER_MARKS: ReadonlyArray<{ readonly encoding: CsvEncoding; readonly bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

// Control characters other than tab, CR and LF, and U+FFFD which the decoder puts where bytes have
// no meaning in the chosen encoding (e.g. 0x81 in Windows-1252).
const CONTROL_OR_UNDECODABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;
// A spreadsheet export holds essentially none; a stray vertical tab from a multi-line cell must not
// reject a file, a binary file without a known signature easily exceeds this.
const MAX_CONTROL_CHARACTER_RATIO = 0.1;

/**
 * Tells which text encoding a CSV upload uses, or that it is not text, from the first bytes of the file.
 * `isWholeFile: false` (the default) means the sample may stop inside a multibyte UTF-8 character.
 */
export function detectEncoding(sample: Buffer, { isWholeFile = false }: { isWholeFile?: boolean } = {}): EncodingDetection {
  const signature = SIGNATURES.find(({ bytes }) => startsWith(sample, bytes));
  if (signature) return { isText: false, content: signature.content };

  const bom = BYTE_ORDER_MARKS.find(({ bytes }) => startsWith(sample, bytes));
  if (bom) return unlessMostlyControls(sample, bom.encoding);
  // UTF-16 without a byte order mark is not supported: NUL bytes then mean binary content.
  if (sample.includes(0)) return { isText: false, content: 'binary_data' };

  const complete = isWholeFile ? sample : withoutIncompleteUtf8Tail(sample);
  if (isUtf8(complete)) return unlessMostlyControls(complete, 'utf-8');
  // The encoding of Excel's "CSV (separator: semicolon)" in France; its few undefined bytes count as controls.
  return unlessMostlyControls(sample, 'windows-1252');
}

function unlessMostlyControls(bytes: Buffer, encoding: CsvEncoding): EncodingDetection {
  const text = iconv.decode(bytes, encoding);
  const controls = text.match(CONTROL_OR_UNDECODABLE)?.length ?? 0;
  if (text.length > 0 && controls / text.length > MAX_CONTROL_CHARACTER_RATIO) {
    return { isText: false, content: 'binary_data' };
  }
  return { isText: true, encoding };
}

function startsWith(sample: Buffer, bytes: readonly number[]): boolean {
  return sample.length >= bytes.length && bytes.every((byte, index) => sample[index] === byte);
}

/** Drops a UTF-8 lead byte and its continuation bytes when the sample ends before the character does. */
function withoutIncompleteUtf8Tail(sample: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, sample.length); back++) {
    const byte = sample[sample.length - back];
    const isContinuation = (byte & 0xc0) === 0x80;
    if (isContinuation) continue;
    const isLead = byte >= 0xc0;
    if (!isLead) return sample;
    const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return sequenceLength > back ? sample.subarray(0, sample.length - back) : sample;
  }
  return sample;
}
