import { and, type SQL, sql } from 'drizzle-orm';
import { addresses, houses } from '../../../db/schema';
import type { SearchPlan } from '../engine/types';
import { containsSearch, textSearch } from './search';

/** A unit as people say it: "101", "3栋", "502房", "3栋502房", "A-1203" — digits, never a door-plate 号. */
const UNIT = /^[0-9A-Za-z-]*\d[0-9A-Za-z\-栋座幢单元层楼房室]*$/;

const atAddress = (text: string): SQL =>
  sql`${houses.addressId} IN (SELECT ${addresses.id} FROM ${addresses} WHERE ${textSearch(
    addresses.searchBigrams,
    addresses.fullText,
    text,
  )})`;

/**
 * Houses are found by their unit ("101": anywhere in the unit), by their door plate ("金碧大道3号": the address's
 * bigram index), or both ("金碧大道3号 101"). Within an area the area index narrows the rows first; district-wide
 * the unit order is walked until a page is found.
 */
export function houseSearch(q: string): SearchPlan {
  const words = q.trim().split(/\s+/);
  const last = words.at(-1) ?? '';
  if (words.length === 1 && UNIT.test(last))
    return { where: containsSearch(houses.unit, last), sort: 'unit' };
  if (words.length > 1 && UNIT.test(last)) {
    const where = and(atAddress(words.slice(0, -1).join('')), containsSearch(houses.unit, last));
    return { where: where ?? sql`false`, sort: 'unit' };
  }
  return { where: atAddress(words.join('')), sort: 'unit' };
}
