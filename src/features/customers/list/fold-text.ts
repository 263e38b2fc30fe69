/** Letters that Unicode does not decompose into a base letter and a mark. */
const undecomposed: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const undecomposedPattern = /[ßøæœłđðþı]/g;
const ascii = /^[ -~\t\n\r]*$/;

/**
 * Text as search compares it: compatibility forms unified (full-width letters), accents and
 * case dropped, so "Cafe" finds "Café", "MULLER" finds "Müller" and "strasse" finds "Straße".
 */
export function foldText(text: string): string {
  // Most names and every domain are plain ASCII, which has nothing to decompose: lower case is
  // the whole fold, and skipping NFKD makes indexing 100,000 rows several times faster.
  if (ascii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(undecomposedPattern, (letter) => undecomposed[letter] ?? letter);
}

/**
 * A cell's text as every sort compares it: the page's index, the sort worker's jobs and its
 * feeds must key a column alike, or an order made in one would not fit the other's rows.
 */
export function sortKeyOfText(text: string): string {
  return foldText(text.trim());
}

/**
 * Code units that cannot stand for themselves in one-byte text: everything above U+00FF, and
 * the ones `toOneByte` spells those with (U+0001, U+0002 and U+0080–U+009F).
 */
// eslint-disable-next-line no-control-regex -- U+0001 and U+0002 are the spelling's leads.
const wide = /[\x01\x02\x80-\x9f\u0100-\uffff]/;

/**
 * Folded text in one byte per character, as the search text is kept: V8 holds a string with a
 * single character above U+00FF as two bytes per character, so one Chinese or Greek company
 * name would double the whole 10 MB search text, and IndexedDB reads a two-byte string back
 * several times slower. Each such code unit is spelled as four characters: a lead (U+0001 or
 * U+0002) and three of U+0080–U+009F. Leads occur nowhere else, so a spelled search term can
 * only match where a character starts: searching the spelled text for spelled terms finds
 * exactly what searching the folded text would.
 */
export function toOneByte(folded: string): string {
  if (!wide.test(folded)) return folded;
  // Character by character: slices of a two-byte string would keep the result two-byte.
  const out: string[] = [];
  for (let at = 0; at < folded.length; at += 1) {
    const unit = folded.charCodeAt(at);
    out.push(
      wide.test(folded[at] ?? '')
        ? String.fromCharCode(
            0x01 + (unit >> 15),
            0x80 + ((unit >> 10) & 31),
            0x80 + ((unit >> 5) & 31),
            0x80 + (unit & 31),
          )
        : String.fromCharCode(unit),
    );
  }
  return out.join('');
}

/**
 * The words of a search box, folded and in the search text's one-byte form (see toOneByte); a
 * row matches when it contains every one of them.
 */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map(toOneByte);
}
