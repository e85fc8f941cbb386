import { Injectable } from '@nestjs/common';

/** Enough for every common name of a large directory, at about 100 bytes a name. */
const CAPACITY = 100_000;

/**
 * Account names this process has seen taken (claimed by it or refused to it), oldest forgotten
 * first. Proposing only names not known taken keeps claims from colliding: a batch of inserts
 * with one collision is redone one document at a time on FerretDB, and a directory full of common
 * names would collide on every chunk. Knowing wrongly that a name is taken only skips it.
 */
@Injectable()
export class TakenAccountNames {
  private readonly names = new Set<string>();

  has(name: string): boolean {
    return this.names.has(name);
  }

  add(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    if (this.names.size > CAPACITY) this.names.delete(this.names.values().next().value!);
  }
}
