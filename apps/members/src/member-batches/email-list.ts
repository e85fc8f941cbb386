import { normalizeEmail } from '../accounts/email-address';
import type { RowInput } from './row-validation/row-input';

/** One address (or one piece of garbage) from what an admin pasted into the "email addresses" box. */
export interface EmailListEntry {
  /** 1-based order in the whole input, used as the row's `line`. */
  position: number;
  /** What the admin typed for this entry, trimmed. */
  raw: string;
  /** Normalized, but not validated: an invalid one becomes an `invalid_email` row. */
  email: string;
  firstName?: string;
  lastName?: string;
}

interface Token {
  kind: 'word' | 'quoted' | 'angle';
  start: number;
  end: number;
  /** A quoted string without its quotes and escapes; an angle address without its brackets. */
  text: string;
}

type Entry = Omit<EmailListEntry, 'position'>;

const SEPARATOR = /[,;\n\r]/;
// Besides ASCII blanks: no-break and zero-width spaces, which come along when copying from mail clients.
const BLANK = /[\s\u200b\ufeff]/;

/**
 * Entries are separated by commas, semicolons, blanks or newlines; `Jane Doe <jane@x.com>` and
 * `"Doe, Jane" <jane@x.com>` are single entries that also give the person's name. Words that are not
 * followed by an `<address>` are kept together as one entry, so the admin sees the mistake once.
 */
export function parseEmailList(input: string | string[]): EmailListEntry[] {
  const pieces = typeof input === 'string' ? [input] : input;
  return pieces.flatMap(entriesOf).map((entry, index) => ({ position: index + 1, ...entry }));
}

/** The row an entry becomes; garbage keeps what was typed, so the admin sees it as an invalid email. */
export function rowInputOf(entry: EmailListEntry): RowInput {
  return { line: entry.position, email: entry.email || entry.raw, firstName: entry.firstName, lastName: entry.lastName };
}

function entriesOf(input: string): Entry[] {
  const entries: Entry[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length > 0) entries.push(looseEntry(input, pending));
    pending = [];
  };
  for (const token of tokens(input)) {
    if (token === 'separator') {
      flush();
    } else if (token.kind === 'angle') {
      entries.push(namedEntry(input, pending, token));
      pending = [];
    } else if (token.kind === 'word' && token.text.includes('@')) {
      flush();
      entries.push(looseEntry(input, [token]));
    } else {
      pending.push(token);
    }
  }
  flush();
  return entries;
}

function namedEntry(input: string, nameTokens: Token[], address: Token): Entry {
  const raw = input.slice((nameTokens[0] ?? address).start, address.end);
  return { raw, email: normalizeEmail(address.text), ...personName(nameTokens.map((token) => token.text).join(' ')) };
}

function looseEntry(input: string, tokens: Token[]): Entry {
  const raw = input.slice(tokens[0].start, tokens[tokens.length - 1].end);
  // A lone quoted address, as some mail clients copy them, is still an address.
  const email = tokens.length === 1 && tokens[0].kind === 'quoted' ? tokens[0].text : raw;
  return { raw, email: normalizeEmail(email) };
}

// "Doe, Jane" is written last name first; otherwise the first word is the first name.
function personName(displayName: string): Pick<EmailListEntry, 'firstName' | 'lastName'> {
  const name = displayName.replace(/\s+/g, ' ').trim().replace(/^(['"])(.*)\1$/, '$2').trim();
  if (name === '' || name.includes('@')) return {};
  const comma = name.indexOf(',');
  const space = name.indexOf(' ');
  const [first, last] =
    comma !== -1
      ? [name.slice(comma + 1), name.slice(0, comma)]
      : space !== -1
        ? [name.slice(0, space), name.slice(space + 1)]
        : [name, ''];
  return {
    ...(first.trim() !== '' && { firstName: first.trim() }),
    ...(last.trim() !== '' && { lastName: last.trim() }),
  };
}

function* tokens(input: string): Generator<Token | 'separator'> {
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (SEPARATOR.test(char)) {
      yield 'separator';
      i++;
    } else if (BLANK.test(char)) {
      i++;
    } else {
      const token = (char === '"' && quoted(input, i)) || (char === '<' ? angle(input, i) : word(input, i));
      yield token;
      i = token.end;
    }
  }
}

// Only a quote closed on the same line opens a quoted string; a stray one is part of a word.
function quoted(input: string, start: number): Token | null {
  let text = '';
  for (let i = start + 1; i < input.length; i++) {
    let char = input[i];
    if (char === '\\' && i + 1 < input.length) char = input[++i];
    else if (char === '"') return { kind: 'quoted', start, end: i + 1, text };
    if (char === '\n' || char === '\r') return null;
    text += char;
  }
  return null;
}

// An address whose ">" was forgotten ends where a word would.
function angle(input: string, start: number): Token {
  let i = start + 1;
  while (i < input.length && input[i] !== '>' && !SEPARATOR.test(input[i]) && !BLANK.test(input[i])) i++;
  const text = input.slice(start + 1, i);
  return { kind: 'angle', start, end: input[i] === '>' ? i + 1 : i, text };
}

function word(input: string, start: number): Token {
  let i = start + 1;
  while (i < input.length && input[i] !== '<' && !SEPARATOR.test(input[i]) && !BLANK.test(input[i])) i++;
  return { kind: 'word', start, end: i, text: input.slice(start, i) };
}
