import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBigrams } from '../../core/text/bigrams';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../support/test-app';

/**
 * Migration 0013 fills residents' search bigrams in SQL for databases that existed before it; the seed and every
 * write compute them in TypeScript (core/text/bigrams.ts). A resident whose two differ would not be found by name.
 */
describe('migration 0013: the SQL backfill of name bigrams agrees with the application', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives every seeded resident (and odd names) the bigrams the application gives them', async () => {
    const migration = await readFile('migrations/0013_list_filters_and_search.sql', 'utf8');
    const expression = /SET search_bigrams = (\([\s\S]*?\n\));/.exec(migration)?.[1];
    expect(expression, 'the backfill expression in migration 0013').toBeDefined();
    // SQL has no Unicode property classes: the migration names the punctuation names really carry (CJK and
    // typographic); a symbol outside that list would keep its bigrams until the record is next saved.
    const odd = [
      '欧阳 娜娜',
      'Ｌｉ·Ｍｉｎｇ',
      '阿卜杜·热合曼',
      '王',
      '李（小）明',
      'O’Neil',
      '《张》三—四',
      '陈、林',
    ];
    const rows = await db.query<{ name: string; stored: string[] | null; backfilled: string[] }>(
      `WITH people AS (
         SELECT name, search_bigrams FROM residents
         UNION ALL
         SELECT name, NULL FROM unnest($1::text[]) AS name
       )
       SELECT p.name, p.search_bigrams AS stored, ${expression!.replaceAll('(SELECT regexp_replace(lower(normalize(name', '(SELECT regexp_replace(lower(normalize(p.name')} AS backfilled
         FROM people p`,
      [odd],
    );
    expect(rows.length).toBeGreaterThan(odd.length);
    const differing = rows.filter(
      (r) =>
        JSON.stringify([...(r.stored ?? searchBigrams(r.name))].sort()) !==
        JSON.stringify([...r.backfilled].sort()),
    );
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
