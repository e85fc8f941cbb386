import { Injectable } from '@nestjs/common';

/**
 * Names per generation. Two generations are kept, so the last 100,000 to 200,000 names met are
 * known: a file's common names (every `jean.dupont` walks the same first forms, then numbers that
 * differ per row) collide again only past that: keeping only the last 20,000, 132 claim rounds
 * of the bench's 100,000-row file collided. As strings, 100,000 names took megabytes of heap.
 */
const GENERATION = 100_000;
/** 16 bits and 11 hashes a name: a name is wrongly thought taken about once in 2,000. */
const BITS = GENERATION * 16;
const HASHES = 11;

/** Where a name's bits are: two hashes for double hashing (an odd step visits distinct bits). */
interface NameHashes {
  first: number;
  step: number;
}

/** A Bloom filter of names: fixed size, no false "free", rare false "taken". */
class NameFilter {
  private readonly words = new Uint32Array(BITS / 32);

  has({ first, step }: NameHashes): boolean {
    for (let hash = 0; hash < HASHES; hash += 1) {
      const bit = (first + hash * step) % BITS;
      if ((this.words[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  add({ first, step }: NameHashes): void {
    for (let hash = 0; hash < HASHES; hash += 1) {
      const bit = (first + hash * step) % BITS;
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
 * Account names this process has seen taken (claimed by it or refused to it), in the same 400 KB
 * however many rows it reads: the oldest generation is forgotten, and a name met again in it is
 * carried into the current one. Proposing only names not known taken keeps claims from colliding:
 * a batch of inserts with one collision is redone one document at a time on FerretDB, and a
 * directory full of common names would collide on every chunk. Knowing wrongly that a name is
 * taken only skips it; forgetting one only costs a collision.
 */
@Injectable()
export class TakenAccountNames {
  private current = new NameFilter();
  private previous = new NameFilter();
  private addedToCurrent = 0;

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
    if (this.addedToCurrent === GENERATION) {
      [this.previous, this.current] = [this.current, this.previous];
      this.current.clear();
      this.addedToCurrent = 0;
    }
    this.current.add(hashes);
    this.addedToCurrent += 1;
  }
}
