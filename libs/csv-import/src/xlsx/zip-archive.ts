import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CsvImportError, damagedWorkbookError, encryptedWorkbookError, workbookTooLargeError } from '../csv-import.error';

/**
 * What a workbook may unpack to, whatever its size on disk: a part inflating past what it declares,
 * or parts declaring more than this, make a zip bomb. A 50 MB workbook of a million members
 * unpacks to about 500 MB.
 */
export const MAX_UNPACKED_BYTES = 1024 ** 3;
const MAX_PARTS = 10_000;
/** The small parts read whole: content types, relationships, the workbook's list of sheets. */
const MAX_SMALL_PART_BYTES = 8 * 1024 * 1024;

/**
 * The parts of a ZIP package (an .xlsx workbook) from its central directory, refused at once when
 * they would unpack beyond MAX_UNPACKED_BYTES or are encrypted. Parts are read as streams; each
 * stream checks that its part inflates to no more than it declared.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly parts: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { autoClose: false, lazyEntries: true, validateEntrySizes: true });
    } catch {
      throw damagedWorkbookError();
    }
    try {
      return new ZipArchive(zip, await partsOf(zip));
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  /** A small part as text (UTF-8 or UTF-16 with a byte order mark), or undefined when there is none. */
  async text(name: string): Promise<string | undefined> {
    const entry = this.parts.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw damagedWorkbookError();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    } catch (error) {
      throw workbookStreamError(error);
    }
    return decodeXml(Buffer.concat(chunks));
  }

  /** A part's bytes as they unpack; fails with `workbook_too_large` past its declared size, `unreadable_file` when damaged. */
  async stream(name: string): Promise<Readable> {
    const entry = this.parts.get(name.toLowerCase());
    if (!entry) throw damagedWorkbookError();
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw damagedWorkbookError();
    }
    return stream;
  }

  close(): void {
    this.zip.close();
  }
}

/** The errors a part's stream fails with, as the admin should read them. */
export function workbookStreamError(error: unknown): Error {
  if (error instanceof CsvImportError) return error;
  const message = error instanceof Error ? error.message : '';
  return message.startsWith('too many bytes in the stream') ? workbookTooLargeError() : damagedWorkbookError();
}

async function partsOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > MAX_PARTS) throw workbookTooLargeError();
  const parts = new Map<string, yauzl.Entry>();
  let unpacked = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw encryptedWorkbookError();
      unpacked += entry.uncompressedSize;
      if (unpacked > MAX_UNPACKED_BYTES) throw workbookTooLargeError();
      // Part names are case-insensitive (ECMA-376 part 2); writers differ in case.
      parts.set(entry.fileName.toLowerCase(), entry);
    }
  } catch (error) {
    if (error instanceof CsvImportError) throw error;
    throw damagedWorkbookError();
  }
  return parts;
}

function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
