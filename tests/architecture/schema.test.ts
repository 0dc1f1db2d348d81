import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import * as schema from '../../server/db/schema';
import { openTestDatabase } from '../support/test-app';

/** "table.column: type null|not null", the same text from either side. */
type Shape = Map<string, string>;

const SQL_TYPE: Record<string, string> = {
  bigserial: 'bigint',
  serial: 'integer',
  char: 'character',
  int4: 'integer',
  int8: 'bigint',
  timestamptz: 'timestamp with time zone',
};
const sqlType = (name: string) => {
  const array = name.endsWith('[]');
  const base = name.replace(/\[\]$/, '').replace(/\(.*\)$/, '');
  return `${SQL_TYPE[base] ?? base}${array ? '[]' : ''}`;
};

function declared(): Shape {
  const shape: Shape = new Map();
  for (const table of Object.values(schema).filter((value) => is(value, PgTable))) {
    const config = getTableConfig(table);
    for (const column of config.columns) {
      const nullable = column.notNull || column.primary ? 'not null' : 'null';
      shape.set(`${config.name}.${column.name}`, `${sqlType(column.getSQLType())} ${nullable}`);
    }
  }
  return shape;
}

async function live(db: Database): Promise<Shape> {
  const rows = await db.query<{ t: string; c: string; type: string; udt: string; nullable: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type, udt_name AS udt, is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`,
  );
  return new Map(
    rows.map((r) => [
      `${r.t}.${r.c}`,
      `${r.type === 'ARRAY' ? `${sqlType(r.udt.slice(1))}[]` : r.type} ${r.nullable === 'YES' ? 'null' : 'not null'}`,
    ]),
  );
}

describe('server/db/schema.ts declares every table and column of migrations/', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('matches the migrated database: same tables, columns, types and nullability', async () => {
    const inSchema = declared();
    const inDatabase = await live(db);
    const drift = [...new Set([...inSchema.keys(), ...inDatabase.keys()])].sort().flatMap((column) => {
      const a = inSchema.get(column);
      const b = inDatabase.get(column);
      if (a === b) return [];
      return [`${column}: schema.ts ${a ?? 'has no such column'}, database ${b ?? 'has no such column'}`];
    });
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
