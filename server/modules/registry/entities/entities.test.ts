import { readFileSync } from 'node:fs';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from './index';

const migration = readFileSync(new URL('../../../../migrations/0002_registry.sql', import.meta.url), 'utf8');
const uniqueIndexes = new Set(
  [...migration.matchAll(/CREATE UNIQUE INDEX (\w+) ON (\w+)/g)].map((m) => `${m[2]}.${m[1]}`),
);

/** The column names of a table in the migration (the lines between its CREATE TABLE and the closing paren). */
function migrationColumns(table: string): string[] {
  const body = migration.match(new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`))?.[1] ?? '';
  return body
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

describe('registry entity definitions', () => {
  it('declares twelve entities with unique paths and entity names', () => {
    expect(ENTITIES).toHaveLength(12);
    expect(ENTITIES.slice(0, 3).map((d) => d.path)).toEqual(['addresses', 'houses', 'residents']);
    expect(new Set(ENTITIES.map((d) => d.path)).size).toBe(ENTITIES.length);
    expect(new Set(ENTITIES.map((d) => d.entity)).size).toBe(ENTITIES.length);
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
        expect(columns, `filter ${name}`).toHaveProperty(filter.column);
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
      for (const dep of def.dependents ?? []) {
        expect(migrationColumns(dep.table), `${dep.table}.${dep.column}`).toContain(dep.column);
      }
    });

    it('matches the migration column for column', () => {
      const sqlNames = Object.values(columns).map((c) => c.name);
      expect(sqlNames.sort()).toEqual(migrationColumns(table).sort());
    });
  });
});
