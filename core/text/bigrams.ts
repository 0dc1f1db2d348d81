// Bigram keys for a CJK-friendly substring index.
//
// Every row stores searchBigrams(text) in a text[] column with a GIN index. If the query string occurs in
// the row's text, every bigram of the query is also a bigram of the row, so
// `row.bigrams @> searchBigrams(query)` is a necessary (not sufficient) condition: it narrows the
// candidates through the index, and a LIKE / ILIKE on the text then confirms the real substring match.
// Caveat: a 1-character query yields a single 1-character key, which rows of 2+ characters never contain;
// such queries must skip the @> filter and rely on the LIKE alone.

// Whitespace, punctuation, symbols and control/format characters carry no search meaning.
const DROPPED = /[\p{White_Space}\p{P}\p{S}\p{C}]/gu;

export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '');
}

/** Unique overlapping 2-character substrings (by code point) of the normalised text, in first-seen order. */
export function searchBigrams(text: string): string[] {
  const chars = Array.from(normaliseSearchText(text));
  if (chars.length < 2) return chars;
  const seen = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) seen.add(chars[i]! + chars[i + 1]!);
  return [...seen];
}
