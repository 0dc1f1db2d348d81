import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { normaliseSearchText, searchBigrams } from '../../../../core/text/bigrams';

/** `q` with LIKE's wildcards and escape character taken literally. */
const literal = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Substring search that uses the bigram GIN index when the query is long enough to have bigrams. */
export function textSearch(bigrams: AnyPgColumn, text: AnyPgColumn, q: string): SQL {
  const normalised = normaliseSearchText(q);
  // Only punctuation or spaces: nothing to look for, so nothing matches (rather than everything).
  if (normalised === '') return sql`false`;
  const like = sql`lower(${text}) LIKE ${`%${literal(normalised)}%`}`;
  if ([...normalised].length < 2) return like;
  const grams = sql.join(
    searchBigrams(q).map((g) => sql`${g}`),
    sql`, `,
  );
  return sql`${bigrams} @> ARRAY[${grams}]::text[] AND ${like}`;
}

/** Case-sensitive prefix search on a C-collated column (uses its btree index). */
export const prefixSearch = (column: AnyPgColumn, q: string): SQL => sql`${column} LIKE ${`${literal(q)}%`}`;

/** Case-insensitive substring match on a text column. */
export const containsSearch = (column: AnyPgColumn, q: string): SQL =>
  sql`lower(${column}) LIKE ${`%${literal(q.toLowerCase())}%`}`;
