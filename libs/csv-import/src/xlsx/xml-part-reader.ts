import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { SaxesParser } from 'saxes';
import { damagedWorkbookError } from '../csv-import.error';
import { workbookStreamError } from './zip-archive';

export interface XmlHandlers {
  /**
   * `name` without its namespace prefix (`x:row` is `row`); attributes as written: those of
   * SpreadsheetML's own elements (`r`, `t`) are never prefixed.
   */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

// Text is handed over when the next tag starts: a cell holds at most 32,767 characters in Excel, so
// this much XML without a tag is a damaged or hostile part, and is not buffered further.
const MAX_CHARACTERS_WITHOUT_TAG = 4 * 1024 * 1024;
const SLICE = 64 * 1024;

/**
 * Feeds an XML part to a streaming parser one chunk at a time, as fast as the caller steps: a
 * worksheet of any size is read in bounded memory. Errors come out as the admin should read them.
 */
export class XmlPartReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private readonly chunks: AsyncIterator<Buffer>;
  private decoder: TextDecoder | undefined;
  private charactersWithoutTag = 0;
  private ended = false;

  constructor(
    private readonly stream: Readable,
    handlers: XmlHandlers,
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.parser.on('opentag', (tag) => {
      this.charactersWithoutTag = 0;
      handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
    });
    this.parser.on('closetag', (tag) => {
      this.charactersWithoutTag = 0;
      handlers.close(localName(tag.name));
    });
    this.parser.on('text', (text) => handlers.text(text));
    this.parser.on('error', () => {
      throw damagedWorkbookError();
    });
  }

  /** Reads and parses the next chunk; false once the part has ended. */
  async step(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw workbookStreamError(error);
    }
    if (next.done) {
      this.ended = true;
      this.feed(this.decoder?.decode() ?? '');
      this.parser.close();
      return false;
    }
    this.feed(this.decode(next.value));
    return true;
  }

  destroy(): void {
    this.stream.destroy();
  }

  private decode(bytes: Buffer): string {
    if (!this.decoder) {
      // Parts are UTF-8 but for the rare UTF-16 one, which starts with a byte order mark.
      const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(utf16);
    }
    return this.decoder.decode(bytes, { stream: true });
  }

  private feed(text: string): void {
    for (let start = 0; start < text.length; start += SLICE) {
      this.parser.write(text.slice(start, start + SLICE));
      this.charactersWithoutTag += Math.min(SLICE, text.length - start);
      if (this.charactersWithoutTag > MAX_CHARACTERS_WITHOUT_TAG) throw damagedWorkbookError();
    }
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
