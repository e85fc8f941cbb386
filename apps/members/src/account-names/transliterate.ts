// Letters that Unicode decomposition leaves whole, because they are letters of their own rather than
// a base letter with a mark on it.
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ə: 'e',
  ĸ: 'k',
};

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A person's name as lowercase ASCII: marks are dropped (é → e, ü → u), Latin letters without a
 * decomposition are spelled out (ß → ss, æ → ae), and anything else (Cyrillic, CJK, Arabic, emoji …)
 * disappears. ASCII characters that are not letters are kept for the caller to deal with.
 */
export function transliterate(text: string): string {
  // Most names of a directory are ASCII already, which NFKD leaves as they are: an import spells
  // out a dozen names a row, so the common case skips the normalisation.
  if (ASCII.test(text)) return text.toLowerCase();
  // NFKD rather than NFD so that compatibility forms (ligatures like ﬁ, full-width letters) come apart too.
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/gu, (char) => LETTERS_WITHOUT_DECOMPOSITION[char] ?? '');
}
