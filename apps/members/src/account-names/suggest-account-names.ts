/**
 * The first `count` candidates that `isFree` accepts, looking at no more than `maxTries` of them.
 * Fewer than `count` only when `maxTries` runs out or the candidates do.
 */
export function pickAccountNames(
  candidates: Iterable<string>,
  isFree: (name: string) => boolean,
  count = 3,
  maxTries = 200,
): string[] {
  const picked: string[] = [];
  if (count <= 0 || maxTries <= 0) return picked;
  let tries = 0;
  for (const name of candidates) {
    if (isFree(name) && picked.push(name) === count) break;
    if (++tries === maxTries) break;
  }
  return picked;
}

/** The first `count` candidates, to ask the database in one query which of them are taken. */
export function firstAccountNames(candidates: Iterable<string>, count: number): string[] {
  const first: string[] = [];
  if (count <= 0) return first;
  for (const name of candidates) {
    if (first.push(name) === count) break;
  }
  return first;
}
