import { accountNameCandidates, type AccountNameSource } from '../../account-names/account-name-candidates';
import { spreadAccountNameSequence } from '../../account-names/spread-account-names';

/**
 * A row's candidate account names, in order: the first `look` preferred forms of its person's
 * name (`firstAccountNames`), then the first `look` numbered variants of the best one that
 * differ per row (`spreadAccountNameSequence(best, rowId, look * 4)`). Worked out only as far as they are
 * read: a row whose common name has its preferred forms taken needs one or two variants, each a
 * hash, not all of them. Names can be moved within the list (the picker brings the ones it tried
 * to the front).
 */
export class RowCandidates {
  private readonly names: string[] = [];
  private readonly rest: Iterator<string>;
  private exhausted = false;

  constructor(source: AccountNameSource, rowId: string, look: number) {
    this.rest = candidatesOf(source, rowId, look);
  }

  /** Whether the list has a name at `index`, working the names out up to it. */
  has(index: number): boolean {
    while (!this.exhausted && this.names.length <= index) {
      const next = this.rest.next();
      if (next.done) this.exhausted = true;
      else this.names.push(next.value);
    }
    return index < this.names.length;
  }

  /** The name at `index`, which `has(index)` answered true for. */
  at(index: number): string {
    return this.names[index];
  }

  /** Moves the name at `from` to `to` (before it), shifting those between one place on. */
  move(from: number, to: number): void {
    if (from === to) return;
    const [name] = this.names.splice(from, 1);
    this.names.splice(to, 0, name);
  }
}

function* candidatesOf(source: AccountNameSource, rowId: string, look: number): Generator<string> {
  if (look <= 0) return;
  let best: string | undefined;
  let count = 0;
  for (const name of accountNameCandidates(source)) {
    best ??= name;
    yield name;
    if (++count === look) break;
  }
  if (best === undefined) return;
  count = 0;
  for (const name of spreadAccountNameSequence(best, rowId, look * 4)) {
    yield name;
    if (++count === look) break;
  }
}
