import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ZipArchive } from './zip-archive';
import { XmlPartReader } from './xml-part-reader';

/** Strings kept in memory, in characters; the rest of a large workbook's strings wait in a temporary file. */
const MEMORY_CHARACTERS = 8 * 1024 * 1024;
const WRITE_BUFFER_BYTES = 1024 * 1024;
// Rows refer to strings mostly in the order they were written: one read serves the strings that follow.
const READ_WINDOW_BYTES = 256 * 1024;

/**
 * The shared strings of a workbook (`xl/sharedStrings.xml`), which cells refer to by index. The part
 * is read only as far as the rows read so far need: Excel numbers strings in the order it first
 * meets them, row by row. Early strings stay in memory; past MEMORY_CHARACTERS they go to a
 * temporary file (every address of a million-member sheet would not fit the memory bound).
 */
export class SharedStrings {
  private readonly inMemory: string[] = [];
  private charactersInMemory = 0;
  private spilled: SpilledStrings | undefined;
  private readonly reader: XmlPartReader | undefined;
  private readonly runs: string[] = [];
  private depthInPhonetic = 0;
  private inItem = false;
  private inText = false;

  private constructor(
    stream: Readable | undefined,
    private readonly memoryCharacters: number,
  ) {
    this.reader = stream && new XmlPartReader(stream, { open: (name) => this.open(name), close: (name) => this.close(name), text: (text) => this.text(text) });
  }

  /** `part`: the shared strings part named by the workbook's relationships, if it has one. */
  static async open(archive: ZipArchive, part: string | undefined, { memoryCharacters = MEMORY_CHARACTERS } = {}): Promise<SharedStrings> {
    return new SharedStrings(part && archive.has(part) ? await archive.stream(part) : undefined, memoryCharacters);
  }

  get count(): number {
    return this.inMemory.length + (this.spilled?.count ?? 0);
  }

  /** Reads the part until the string at `index` is known, or the part ends. */
  async readUpTo(index: number): Promise<void> {
    while (this.count <= index && this.reader && (await this.reader.step()));
  }

  /** The string at `index`, once read; empty for an index the part does not have. */
  get(index: number): string {
    if (index < this.inMemory.length) return this.inMemory[index];
    return this.spilled?.get(index - this.inMemory.length) ?? '';
  }

  /** Stops reading and removes the temporary file. */
  dispose(): void {
    this.reader?.destroy();
    this.spilled?.dispose();
  }

  private open(name: string): void {
    if (name === 'si') {
      this.inItem = true;
      this.runs.length = 0;
    } else if (name === 'rPh') this.depthInPhonetic += 1;
    else if (name === 't' && this.inItem && this.depthInPhonetic === 0) this.inText = true;
  }

  private close(name: string): void {
    if (name === 'si') {
      this.inItem = false;
      this.add(decodeEscapes(this.runs.join('')));
    } else if (name === 'rPh') this.depthInPhonetic -= 1;
    else if (name === 't') this.inText = false;
  }

  private text(text: string): void {
    if (this.inText) this.runs.push(text);
  }

  private add(value: string): void {
    if (!this.spilled && this.charactersInMemory + value.length <= this.memoryCharacters) {
      this.inMemory.push(value);
      this.charactersInMemory += value.length;
      return;
    }
    this.spilled ??= new SpilledStrings();
    this.spilled.add(value);
  }
}

/** Strings appended to a private temporary file, read back by index through a window of the file. */
class SpilledStrings {
  private readonly path = join(tmpdir(), `roster-shared-strings-${randomUUID()}`);
  private readonly fd = openSync(this.path, 'w+', 0o600);
  private offsets = new Float64Array(1024);
  count = 0;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private window = Buffer.alloc(0);
  private windowStart = 0;

  add(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.count] = this.written + this.pendingBytes;
    this.count += 1;
    this.offsets[this.count] = this.written + this.pendingBytes + bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BUFFER_BYTES) this.flush();
  }

  get(index: number): string | undefined {
    if (index >= this.count) return undefined;
    const start = this.offsets[index];
    const end = this.offsets[index + 1];
    if (start < this.windowStart || end > this.windowStart + this.window.length) this.readWindow(start, end - start);
    return this.window.toString('utf8', start - this.windowStart, end - this.windowStart);
  }

  private readWindow(start: number, length: number): void {
    this.flush();
    const bytes = Buffer.allocUnsafe(Math.min(Math.max(length, READ_WINDOW_BYTES), this.written - start));
    const read = readSync(this.fd, bytes, 0, bytes.length, start);
    this.window = bytes.subarray(0, read);
    this.windowStart = start;
  }

  dispose(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending);
    writeSync(this.fd, bytes, 0, bytes.length, this.written);
    this.written += bytes.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return). */
export function decodeEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
