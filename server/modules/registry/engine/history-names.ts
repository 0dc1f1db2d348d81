import { sql } from 'drizzle-orm';
import { maskName } from '../../../../core/masking';
import type { RegistryContext } from './types';

/** Reference fields a change may hold, and how the record they point at is named (`t` is that record). */
const REFERENCES: Record<string, { from: string; name: string; personal?: boolean }> = {
  addressId: { from: 'addresses t', name: 't.full_text' },
  houseId: { from: 'houses t JOIN addresses a ON a.id = t.address_id', name: "a.full_text || ' ' || t.unit" },
  residentId: { from: 'residents t', name: 't.name', personal: true },
  partyOrganisationId: { from: 'party_organisations t', name: 't.name' },
  parentId: { from: 'party_organisations t', name: 't.name' },
  departmentId: { from: 'departments t', name: 't.name' },
};

type Changes = Record<string, unknown>;
const isId = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 2147483647;

/**
 * Names of the records the history's reference fields point at, old and new (`houseId: { "12": "…3栋502房" }`),
 * so that a move reads "金碧西路2号 1栋101房 → …" rather than "12 → 13". Only records in the reader's scope
 * are named (a resident moved in from another grid keeps the old house's number), and people are masked.
 */
export async function referenceNames(ctx: RegistryContext, rows: { changes: unknown }[]) {
  const wanted = new Map<string, Set<number>>();
  for (const { changes } of rows) {
    if (typeof changes !== 'object' || changes === null) continue;
    for (const [field, pair] of Object.entries(changes as Changes)) {
      if (!REFERENCES[field] || !Array.isArray(pair)) continue;
      for (const id of pair.filter(isId)) wanted.set(field, (wanted.get(field) ?? new Set()).add(id));
    }
  }
  const names: Record<string, Record<string, string>> = {};
  for (const [field, ids] of wanted) {
    const { from, name, personal } = REFERENCES[field]!;
    const found = await ctx.db.query<{ id: number; name: string }>(
      sql`SELECT t.id, ${sql.raw(name)} AS name FROM ${sql.raw(from)}
           WHERE t.id IN ${[...ids]} AND ${sql.raw(ctx.scope.rowsSql('t'))}`,
    );
    names[field] = Object.fromEntries(found.map((r) => [String(r.id), personal ? maskName(r.name) : r.name]));
  }
  return names;
}
