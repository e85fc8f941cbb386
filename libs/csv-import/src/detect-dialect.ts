export type CsvDelimiter = ',' | ';' | '\t';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface CsvDialect {
  readonly delimiter: CsvDelimiter;
  readonly lineEnding: LineEnding;
}

// Ties go to the first: tabs and semicolons seldom appear inside values, commas often do ("Dupont, Jr.").
const DELIMITERS: readonly CsvDelimiter[] = ['\t', ';', ','];
const RECORDS_EXAMINED = 100;

interface DelimiterScore {
  readonly delimiter: CsvDelimiter;
  readonly usualFieldCount: number;
  readonly shareOfRecords: number;
}

/**
 * Guesses the delimiter from how consistently each candidate splits the first records into the same
 * number of fields (a delimiter inside a quoted value does not count), and reports the first line break.
 * Give it complete lines: a record cut by the end of a sample would skew the counts.
 */
export function detectDialect(text: string): CsvDialect {
  const scores = DELIMITERS.map((delimiter) => score(delimiter, scanRecords(text, delimiter).fieldCounts));
  let best: DelimiterScore | undefined;
  for (const candidate of scores) {
    if (candidate.usualFieldCount >= 2 && (!best || beats(candidate, best))) best = candidate;
  }
  // A single-column file (emails only) splits the same with any delimiter.
  const delimiter = best?.delimiter ?? ',';
  return { delimiter, lineEnding: scanRecords(text, delimiter).firstLineBreak ?? '\n' };
}

function beats(candidate: DelimiterScore, leader: DelimiterScore): boolean {
  if (candidate.shareOfRecords !== leader.shareOfRecords) return candidate.shareOfRecords > leader.shareOfRecords;
  return candidate.usualFieldCount > leader.usualFieldCount;
}

function score(delimiter: CsvDelimiter, fieldCounts: readonly number[]): DelimiterScore {
  const frequencies = new Map<number, number>();
  for (const count of fieldCounts) frequencies.set(count, (frequencies.get(count) ?? 0) + 1);
  let usualFieldCount = 0;
  let frequency = 0;
  for (const [count, seen] of frequencies) {
    if (seen > frequency || (seen === frequency && count > usualFieldCount)) {
      usualFieldCount = count;
      frequency = seen;
    }
  }
  return { delimiter, usualFieldCount, shareOfRecords: fieldCounts.length ? frequency / fieldCounts.length : 0 };
}

/** Field counts of the first non-blank records as RFC 4180 reads them with this delimiter. */
function scanRecords(text: string, delimiter: CsvDelimiter): { fieldCounts: number[]; firstLineBreak?: LineEnding } {
  const fieldCounts: number[] = [];
  let firstLineBreak: LineEnding | undefined;
  let fields = 1;
  let hasValue = false;
  let atFieldStart = true;
  let quoted = false;

  for (let index = 0; index < text.length && fieldCounts.length < RECORDS_EXAMINED; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') index++;
      else if (char === '"') quoted = false;
    } else if (char === '"' && atFieldStart) {
      quoted = true;
      hasValue = true;
      atFieldStart = false;
    } else if (char === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (char === '\r' || char === '\n') {
      const isCrlf = char === '\r' && text[index + 1] === '\n';
      firstLineBreak ??= isCrlf ? '\r\n' : char;
      if (isCrlf) index++;
      // Blank lines and lines of delimiters only are skipped by the reader, so they do not vote.
      if (hasValue) fieldCounts.push(fields);
      fields = 1;
      hasValue = false;
      atFieldStart = true;
    } else if (char !== ' ' && char !== '\t') {
      hasValue = true;
      atFieldStart = false;
    }
  }
  if (hasValue && fieldCounts.length < RECORDS_EXAMINED) fieldCounts.push(fields);
  return { fieldCounts, firstLineBreak };
}
