import { Injectable } from '@nestjs/common';

/**
 * Names per generation. Two generations are kept, so the last 1,000,000 to 2,000,000 names met
 * are known: a file's common names (every `jean.dupont` walks the same first forms, then numbers
 * that differ per row) collide again only past that. Remembering only the last 100,000 to 200,000,
 * a 1,000,000-row import slowed from 2,900 to about 900 rows/s once it had held 200,000 names:
 * the numbers its earlier rows took were forgotten and drawn again, and each collision made
 * FerretDB redo its whole insert one document at a time. As strings, 100,000 names took megabytes
 * of heap; the two filters take 4 MB for any file.
 */
const GENERATION = 1_000_000;
/** 16 bits and 11 hashes a name: a name is wrongly thought taken about once in 2,000. */
const BITS_PER_NAME = 16;
const HASHES = 11;

/** Where a name's bits are: two hashes for double hashing (an odd step visits distinct bits). */
interface NameHashes {
  first: number;
  step: number;
}

/** A Bloom filter of names: fixed size, no false "free", rare false "taken". */
class NameFilter {
  private readonly bits: number;
  private readonly words: Uint32Array;

  constructor(names: number) {
    this.bits = names * BITS_PER_NAME;
    this.words = new Uint32Array(this.bits / 32);
  }

  has({ first, step }: NameHashes): boolean {
    for (let hash = 0; hash < HASHES; hash += 1) {
      const bit = (first + hash * step) % this.bits;
      if ((this.words[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  add({ first, step }: NameHashes): void {
    for (let hash = 0; hash < HASHES; hash += 1) {
      const bit = (first + hash * step) % this.bits;
      this.words[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  clear(): void {
    this.words.fill(0);
  }
}

/** Two 32-bit FNV-1a hashes with different offsets, worked out once for both generations. */
function hashesOf(name: string): NameHashes {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x01000193);
  }
  return { first: first >>> 0, step: ((second ^ (second >>> 15)) | 1) >>> 0 };
}

/**
 * Names met, in two filters of `generation` names each: the oldest generation is forgotten, and a
 * name met again in it is carried into the current one.
 */
export class NameGenerations {
  private current: NameFilter;
  private previous: NameFilter;
  private addedToCurrent = 0;

  constructor(private readonly generation: number) {
    this.current = new NameFilter(generation);
    this.previous = new NameFilter(generation);
  }

  has(name: string): boolean {
    const hashes = hashesOf(name);
    if (this.current.has(hashes)) return true;
    if (!this.previous.has(hashes)) return false;
    this.addHashes(hashes);
    return true;
  }

  add(name: string): void {
    const hashes = hashesOf(name);
    if (!this.current.has(hashes)) this.addHashes(hashes);
  }

  /** Adds a name the current generation does not know. */
  private addHashes(hashes: NameHashes): void {
    if (this.addedToCurrent === this.generation) {
      [this.previous, this.current] = [this.current, this.previous];
      this.current.clear();
      this.addedToCurrent = 0;
    }
    this.current.add(hashes);
    this.addedToCurrent += 1;
  }
}

/**
 * Account names this process has seen taken (claimed by it or refused to it), in the same 4 MB
 * however many rows it reads. Proposing only names not known taken keeps claims from colliding:
 * a batch of inserts with one collision is redone one document at a time on FerretDB, and a
 * directory full of common names would collide on every chunk. Knowing wrongly that a name is
 * taken only skips it; forgetting one only costs a collision.
 */
@Injectable()
export class TakenAccountNames extends NameGenerations {
  constructor() {
    super(GENERATION);
  }
}
