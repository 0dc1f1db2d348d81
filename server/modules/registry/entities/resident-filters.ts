import { type TSchema, Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { residents } from '../../../db/schema';
import type { FilterDef } from '../engine/types';
import { DateString } from './schemas';

const Age = (description: string) => Type.Integer({ minimum: 0, maximum: 150, description });

/** The date `years` before today (local calendar), as YYYY-MM-DD. */
function yearsAgo(years: number, today = new Date()): string {
  const d = new Date(today.getFullYear() - years, today.getMonth(), today.getDate());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The filters a grid worker or a centre picks residents by beyond the columns: a tag (独居老人, 重点关爱 …),
 * an age range and a residence permit expiring before a date. Age is counted as `ageOn` counts it, from the
 * first day of the birth month, so a list filtered by age shows the ages the rows show. Each is served by an
 * index of migration 0013.
 */
export const residentFilters = (tag: TSchema): Record<string, Extract<FilterDef, { where: unknown }>> => ({
  tag: {
    schema: Type.Union([tag], { description: 'Residents carrying this tag' }),
    where: (value: string) => sql`${residents.tags} @> ARRAY[${value}]::text[]`,
  },
  ageMin: {
    schema: Age('Aged at least this many completed years'),
    where: (value: number) => sql`${residents.birthMonth} <= ${yearsAgo(value)}::date`,
  },
  ageMax: {
    schema: Age('Aged at most this many completed years'),
    where: (value: number) => sql`${residents.birthMonth} > ${yearsAgo(value + 1)}::date`,
  },
  permitExpiryBefore: {
    schema: DateString('Floating residents whose residence permit expires before this date'),
    where: (value: string) => sql`${residents.permitExpiry} < ${value}::date`,
  },
});
