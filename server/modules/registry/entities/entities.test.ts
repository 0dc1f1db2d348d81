import { getTableColumns, getTableName } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_RESOURCES } from '../../../../core/policy/capabilities';
import { type Database, openDatabase } from '../../../db/client';
import { migrate } from '../../../db/migrate';
import { DEFINITIONS, dependentsOf, ENTITIES, METRICS, PLACED_CHILDREN } from './index';

/** The schema as the migrations really leave it, read from a freshly migrated database. */
let db: Database;
let uniqueIndexes: Set<string>;
const tableColumns = new Map<string, string[]>();
function migrationColumns(table: string): string[] {
  return tableColumns.get(table) ?? [];
}

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db);
  const columns = await db.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
  );
  for (const c of columns) tableColumns.set(c.table_name, [...migrationColumns(c.table_name), c.column_name]);
  const indexes = await db.query<{ tablename: string; indexname: string }>(
    "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%'",
  );
  uniqueIndexes = new Set(indexes.map((i) => `${i.tablename}.${i.indexname}`));
}, 60_000);
afterAll(() => db?.close());

describe('registry entity definitions', () => {
  it('declares twelve entities with unique paths and entity names', () => {
    expect(ENTITIES).toHaveLength(12);
    expect(ENTITIES.slice(0, 3).map((d) => d.path)).toEqual(['addresses', 'houses', 'residents']);
    expect(new Set(ENTITIES.map((d) => d.path)).size).toBe(ENTITIES.length);
    expect(new Set(ENTITIES.map((d) => d.entity)).size).toBe(ENTITIES.length);
  });

  it('has one definition per policy resource, keyed by its path', () => {
    expect(Object.keys(DEFINITIONS)).toEqual([...REGISTRY_RESOURCES]);
    for (const [path, def] of Object.entries(DEFINITIONS)) expect(def.path).toBe(path);
  });

  it('derives placement children, archive dependents and metrics from the definitions', () => {
    expect(PLACED_CHILDREN.get('addresses')?.map((c) => `${c.table}.${c.column}`)).toEqual([
      'houses.address_id',
      'enterprises.address_id',
      'social_organisations.address_id',
      'party_studios.address_id',
    ]);
    expect(PLACED_CHILDREN.get('residents')?.map((c) => c.table)).toEqual([
      'health_records',
      'party_members',
    ]);
    expect(dependentsOf(DEFINITIONS.houses).map((d) => d.table)).toEqual(['residents']);
    expect(dependentsOf(DEFINITIONS.departments).map((d) => d.table)).toEqual(['staff']);
    expect(METRICS.floatingResidents).toEqual({
      table: 'residents',
      where: "household_type = 'floating'",
      filter: { householdType: 'floating' },
    });
    expect(Object.keys(METRICS)).toHaveLength(14);
  });

  describe.each(ENTITIES.map((d) => [d.path, d] as const))('%s', (_path, def) => {
    const columns = getTableColumns(def.table);
    const table = getTableName(def.table);

    it('has a path fit for a URL and both labels', () => {
      expect(def.path).toMatch(/^[a-z][a-z-]*$/);
      expect(def.label.en).not.toBe('');
      expect(def.label.zh).not.toBe('');
    });

    it('rejects unknown body properties', () => {
      expect(def.createBody.additionalProperties).toBe(false);
      expect(def.updateBody.additionalProperties).toBe(false);
    });

    it('filters on columns of its table', () => {
      for (const [name, filter] of Object.entries(def.filters)) {
        if ('column' in filter) expect(columns, `filter ${name}`).toHaveProperty(filter.column);
      }
    });

    it('sorts only by NOT NULL columns of its table', () => {
      for (const key of def.sortable) {
        expect(columns, `sort ${key}`).toHaveProperty(key);
        expect(columns[key as keyof typeof columns]!.notNull, `sort ${key} is NOT NULL`).toBe(true);
      }
    });

    it('maps unique indexes of its own table to input fields', () => {
      for (const [index, field] of Object.entries(def.uniqueFields ?? {})) {
        expect(uniqueIndexes, `index ${index}`).toContain(`${table}.${index}`);
        expect(Object.keys(def.createBody.properties), `field ${field}`).toContain(field);
      }
    });

    it('names dependents by real tables and columns', () => {
      for (const dep of dependentsOf(def)) {
        expect(migrationColumns(dep.table), `${dep.table}.${dep.column}`).toContain(dep.column);
      }
    });

    it('matches the migration column for column', () => {
      const sqlNames = Object.values(columns).map((c) => c.name);
      expect(sqlNames.sort()).toEqual(migrationColumns(table).sort());
    });
  });
});
