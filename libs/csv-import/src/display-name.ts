export interface SplitName {
  readonly firstName?: string;
  readonly lastName?: string;
}

// Lower-case particles that belong to the last name: "Jean de la Fontaine", "Ludwig van Beethoven".
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'des', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'st', 'st.', "d'", 'd’']);
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

/**
 * First and last name from a display name, as directories write them: "Vance, Adèle" (last name
 * first, with a comma), "VANCE Adèle" or "Adèle VANCE" (the last name in capitals, as French
 * directories write it), else "Adèle Vance" (the last word, with its particles, is the last name).
 * Bracketed notes ("(Contractor)") are dropped. A single word is a first name.
 */
export function splitDisplayName(displayName: string): SplitName {
  const name = withoutNotes(displayName).replace(/\s+/g, ' ').trim();
  if (name === '') return {};
  const comma = name.indexOf(',');
  if (comma !== -1) return named(name.slice(comma + 1), name.slice(0, comma));

  const words = name.split(' ');
  if (words.length === 1) return named(words[0], '');
  const capitals = words.map(isInCapitals);
  const leading = capitals.indexOf(false);
  if (leading > 0) return named(words.slice(leading).join(' '), words.slice(0, leading).join(' '));
  const trailing = capitals.lastIndexOf(false) + 1;
  if (trailing < words.length && trailing > 0) return named(words.slice(0, trailing).join(' '), words.slice(trailing).join(' '));

  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start -= 1;
  return named(words.slice(0, start).join(' '), words.slice(start).join(' '));
}

/**
 * The name with each bracketed note ("(Contractor)", "[ext]") made a space, in one pass. The
 * regular expression that did it (blanks, an opening bracket, anything but a closing one, a closing
 * one, blanks) took time growing with the square of the length on a cell of `((((…` or of blanks:
 * seconds for 64 KB.
 */
function withoutNotes(name: string): string {
  let kept = '';
  let index = 0;
  while (index < name.length) {
    const char = name[index];
    if (char !== '(' && char !== '[') {
      kept += char;
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < name.length && name[end] !== ')' && name[end] !== ']') end += 1;
    // Nothing closes this note, nor any later one.
    if (end === name.length) return kept + name.slice(index);
    kept += ' ';
    index = end + 1;
  }
  return kept;
}

/** A word written in capitals, such as "VANCE" or "LE GOFF"'s parts; not an initial ("A.") nor a one-letter word. */
function isInCapitals(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && HAS_UPPER.test(letters) && !HAS_LOWER.test(letters);
}

function named(firstName: string, lastName: string): SplitName {
  const first = firstName.trim();
  const last = lastName.trim();
  return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
}
