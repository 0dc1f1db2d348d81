import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { IdType } from '../../core/validation/identity-document';
import { bytea } from './columns';

export * from './events-schema';
export * from './notifications-schema';
export * from './platform-schema';
export * from './routing-schema';
export * from './supervision-schema';

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
const location = () => ({
  districtId: integer('district_id').notNull(),
  streetId: integer('street_id'),
  communityId: integer('community_id'),
  gridId: integer('grid_id'),
});
const lifecycle = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const areas = pgTable('areas', {
  id: integer('id').primaryKey(),
  code: char('code', { length: 15 }).notNull(),
  level: text('level').$type<'district' | 'street' | 'community' | 'grid'>().notNull(),
  name: text('name').notNull(),
  parentId: integer('parent_id'),
  districtId: integer('district_id').notNull(),
  streetId: integer('street_id'),
  communityId: integer('community_id'),
  boundary: jsonb('boundary').notNull(),
  centroidLat: doublePrecision('centroid_lat').notNull(),
  centroidLng: doublePrecision('centroid_lng').notNull(),
  areaKm2: doublePrecision('area_km2').notNull(),
});

export const recordHistory = pgTable('record_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  entity: text('entity').notNull(),
  entityId: bigint('entity_id', { mode: 'number' }),
  action: text('action').$type<'create' | 'update' | 'archive' | 'bulk_load'>().notNull(),
  actor: text('actor').notNull(),
  source: text('source').notNull(),
  changes: jsonb('changes').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const addresses = pgTable('addresses', {
  id: id(),
  ...location(),
  road: text('road').notNull(),
  houseNumber: text('house_number').notNull(),
  fullText: text('full_text').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  searchBigrams: text('search_bigrams').array().notNull(),
  ...lifecycle(),
});

export const houses = pgTable('houses', {
  id: id(),
  ...location(),
  addressId: integer('address_id').notNull(),
  unit: text('unit').notNull(),
  use: text('use').$type<'own' | 'rented' | 'commercial' | 'vacant'>().notNull(),
  floorArea: doublePrecision('floor_area').notNull(),
  ...lifecycle(),
});

export const residents = pgTable('residents', {
  id: id(),
  ...location(),
  houseId: integer('house_id').notNull(),
  name: text('name').notNull(),
  sex: char('sex', { length: 1 }).$type<'M' | 'F'>().notNull(),
  /** First day of the birth month: the day is part of the ID number and is kept only inside it. */
  birthMonth: date('birth_month', { mode: 'string' }).notNull(),
  householdType: text('household_type').$type<'registered' | 'floating'>().notNull(),
  permitExpiry: date('permit_expiry', { mode: 'string' }),
  idNumberEnc: bytea('id_number_enc').notNull(),
  idNumberHmac: bytea('id_number_hmac').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  phoneEnc: bytea('phone_enc'),
  phoneHmac: bytea('phone_hmac'),
  phoneMasked: text('phone_masked'),
  ethnicity: text('ethnicity').notNull(),
  relation: text('relation').notNull(),
  tags: text('tags').array().notNull(),
  idType: text('id_type').$type<IdType>().notNull().default('resident_id'),
  nationality: char('nationality', { length: 3 }),
  identityConflict: boolean('identity_conflict').notNull().default(false),
  /** Bigrams of the name (core/text/bigrams.ts): any part of a name is found through a GIN index. */
  searchBigrams: text('search_bigrams').array().notNull(),
  ...lifecycle(),
});

/** Two active residents holding one document number: the district centre decides which record stays. */
export const identityConflicts = pgTable('identity_conflicts', {
  id: id(),
  residentId: integer('resident_id').notNull(),
  existingResidentId: integer('existing_resident_id').notNull(),
  reportedBy: integer('reported_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: integer('resolved_by'),
  resolution: text('resolution'),
});

export const healthRecords = pgTable('health_records', {
  id: id(),
  ...location(),
  residentId: integer('resident_id').notNull(),
  conditionsEnc: bytea('conditions_enc').notNull(),
  chronicFocus: boolean('chronic_focus').notNull(),
  lastFollowUp: date('last_follow_up', { mode: 'string' }),
  ...lifecycle(),
});

export const enterprises = pgTable('enterprises', {
  id: id(),
  ...location(),
  addressId: integer('address_id').notNull(),
  name: text('name').notNull(),
  uscc: char('uscc', { length: 18 }).notNull(),
  industry: text('industry').notNull(),
  hazardousChemicals: boolean('hazardous_chemicals').notNull(),
  licenceStatus: text('licence_status').$type<'licensed' | 'unlicensed' | 'expired' | 'revoked'>().notNull(),
  employees: integer('employees').notNull(),
  legalRepresentative: text('legal_representative').notNull(),
  searchBigrams: text('search_bigrams').array().notNull(),
  ...lifecycle(),
});

export const socialOrganisations = pgTable('social_organisations', {
  id: id(),
  ...location(),
  addressId: integer('address_id').notNull(),
  name: text('name').notNull(),
  uscc: char('uscc', { length: 18 }).notNull(),
  kind: text('kind').$type<'social_group' | 'private_non_enterprise' | 'foundation'>().notNull(),
  registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  ...lifecycle(),
});

export const partyOrganisations = pgTable('party_organisations', {
  id: id(),
  ...location(),
  areaId: integer('area_id').notNull(),
  parentId: integer('parent_id'),
  name: text('name').notNull(),
  kind: text('kind').$type<'committee' | 'general_branch' | 'branch'>().notNull(),
  secretary: text('secretary').notNull(),
  ...lifecycle(),
});

export const partyMembers = pgTable('party_members', {
  id: id(),
  ...location(),
  residentId: integer('resident_id').notNull(),
  partyOrganisationId: integer('party_organisation_id').notNull(),
  joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  status: text('status').$type<'full' | 'probationary'>().notNull(),
  ...lifecycle(),
});

export const partyStudios = pgTable('party_studios', {
  id: id(),
  ...location(),
  addressId: integer('address_id').notNull(),
  partyOrganisationId: integer('party_organisation_id').notNull(),
  name: text('name').notNull(),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  ...lifecycle(),
});

export const serviceFacilities = pgTable('service_facilities', {
  id: id(),
  ...location(),
  name: text('name').notNull(),
  kind: text('kind')
    .$type<'school' | 'kindergarten' | 'clinic' | 'elderly_care' | 'community_service_centre'>()
    .notNull(),
  capacity: integer('capacity').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  ...lifecycle(),
});

export const departments = pgTable('departments', {
  id: id(),
  ...location(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  ...lifecycle(),
});

export const staff = pgTable('staff', {
  id: id(),
  ...location(),
  areaId: integer('area_id').notNull(),
  departmentId: integer('department_id'),
  name: text('name').notNull(),
  role: text('role').$type<'comprehensive_grid_worker' | 'safety_grid_worker' | 'security'>().notNull(),
  phoneEnc: bytea('phone_enc'),
  phoneHmac: bytea('phone_hmac'),
  phoneMasked: text('phone_masked'),
  ...lifecycle(),
});
