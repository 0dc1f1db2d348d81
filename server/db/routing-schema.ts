import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Routing rules (分流规则): mirrors migrations/0018_routing_rules.sql (tests/architecture/schema.test.ts compares both).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const routingRules = pgTable('routing_rules', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  districtId: integer('district_id').notNull(),
  categoryCode: text('category_code').notNull(),
  areaId: integer('area_id'),
  leadDepartment: text('lead_department').notNull(),
  coDepartments: text('co_departments').array().notNull().default([]),
  note: text('note'),
  ruleId: integer('rule_id').notNull(),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by'),
  creator: text('creator').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  retiredAt: at('retired_at'),
  retiredBy: integer('retired_by'),
});
