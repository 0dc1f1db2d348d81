import { type BodyEnum, type EntityDescription, valuesOf } from '../description';
import { ofResident } from './shared';

export const HOUSEHOLD_TYPES = valuesOf<BodyEnum<'residents', 'householdType'>>({
  registered: true,
  floating: true,
});
const HOUSEHOLD_COLOURS = { registered: 'blue', floating: 'orange' };
const SEXES = valuesOf<BodyEnum<'residents', 'sex'>>({ M: true, F: true });
const ID_TYPES = valuesOf<BodyEnum<'residents', 'idType'>>({
  resident_id: true,
  hmt_residence_permit: true,
  hk_macau_pass: true,
  taiwan_pass: true,
  foreign_permanent_residence: true,
  passport: true,
  birth_certificate: true,
});
const TAGS = valuesOf<BodyEnum<'residents', 'tags'>>({
  elderly_alone: true,
  disabled: true,
  key_care: true,
  veteran: true,
  low_income: true,
  left_behind_child: true,
});
const CONDITIONS = valuesOf<BodyEnum<'health-records', 'conditions'>>({
  hypertension: true,
  diabetes: true,
  coronary_heart_disease: true,
  copd: true,
  stroke: true,
  severe_mental_disorder: true,
  tuberculosis: true,
  chronic_kidney_disease: true,
  cancer: true,
});

export const residents: EntityDescription<'residents'> = {
  resource: 'residents',
  icon: '☺',
  heading: ['name'],
  search: 'list.searchResidents',
  sortable: ['name'],
  columns: [
    { key: 'name', label: 'field.name', kind: 'text', width: 100 },
    { key: 'sex', label: 'field.sex', kind: 'enum', group: 'sex', width: 70 },
    { key: 'age', label: 'field.age', kind: 'number', width: 70 },
    {
      key: 'householdType',
      label: 'field.householdType',
      kind: 'enum',
      group: 'householdType',
      colours: HOUSEHOLD_COLOURS,
      width: 110,
    },
    { key: 'idNumber', label: 'field.idNumber', kind: 'text', width: 190 },
    { key: 'phone', label: 'field.phone', kind: 'text', width: 130 },
    { key: 'tags', label: 'field.tags', kind: 'tags', group: 'tag', width: 160 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'householdType',
      label: 'field.householdType',
      group: 'householdType',
      values: HOUSEHOLD_TYPES,
      testId: 'filter-household-type',
    },
    { kind: 'enum', key: 'sex', label: 'field.sex', group: 'sex', values: SEXES, testId: 'filter-sex' },
    { kind: 'parent', key: 'houseId', resource: 'houses', label: 'list.inHouse' },
  ],
  detail: [
    { key: 'name', label: 'field.name', kind: 'text' },
    { key: 'sex', label: 'field.sex', kind: 'enum', group: 'sex' },
    { key: 'age', label: 'field.age', kind: 'number' },
    { key: 'birthMonth', label: 'field.birthMonth', kind: 'text' },
    { key: 'idType', label: 'field.idType', kind: 'enum', group: 'idType' },
    { key: 'idNumber', label: 'field.idNumber', kind: 'personal', field: 'idNumber' },
    {
      key: 'houseLabel',
      label: 'records.field.homeAddress',
      kind: 'link',
      resource: 'houses',
      idKey: 'houseId',
      wide: true,
    },
    { key: 'phone', label: 'field.phone', kind: 'personal', field: 'phone' },
    {
      key: 'householdType',
      label: 'field.householdType',
      kind: 'enum',
      group: 'householdType',
      colours: HOUSEHOLD_COLOURS,
    },
    { key: 'permitExpiry', label: 'field.permitExpiry', kind: 'date', hideEmpty: true },
    { key: 'nationality', label: 'field.nationality', kind: 'text', hideEmpty: true },
    { key: 'ethnicity', label: 'field.ethnicity', kind: 'text' },
    { key: 'relation', label: 'field.relation', kind: 'text' },
    { key: 'tags', label: 'field.tags', kind: 'tags', group: 'tag' },
  ],
  links: [
    { kind: 'record', resource: 'houses', idKey: 'houseId', label: 'link.house', testId: 'link-house' },
    {
      kind: 'list',
      resource: 'health-records',
      filter: 'residentId',
      label: 'link.healthRecordsOf',
      testId: 'link-health-records',
    },
    {
      kind: 'list',
      resource: 'party-members',
      filter: 'residentId',
      label: 'link.partyMembershipsOf',
      testId: 'link-party-members',
    },
  ],
  form: [
    { key: 'houseId', label: 'field.houseId', input: 'reference', resource: 'houses', required: true },
    { key: 'name', label: 'field.name', input: 'text', required: true },
    { key: 'idType', label: 'field.idType', input: 'enum', group: 'idType', values: ID_TYPES },
    { key: 'idNumber', label: 'field.idNumber', input: 'text', required: true, personal: true },
    { key: 'nationality', label: 'field.nationality', input: 'text', help: 'form.nationalityHelp' },
    { key: 'sex', label: 'field.sex', input: 'enum', group: 'sex', values: SEXES, help: 'form.fromIdNumber' },
    { key: 'birthDate', label: 'field.birthDate', input: 'date', from: null, help: 'form.fromIdNumber' },
    {
      key: 'householdType',
      label: 'field.householdType',
      input: 'enum',
      group: 'householdType',
      values: HOUSEHOLD_TYPES,
      required: true,
    },
    { key: 'permitExpiry', label: 'field.permitExpiry', input: 'date' },
    { key: 'phone', label: 'field.phone', input: 'text', personal: true },
    { key: 'ethnicity', label: 'field.ethnicity', input: 'text', required: true },
    { key: 'relation', label: 'field.relation', input: 'text', required: true },
    { key: 'tags', label: 'field.tags', input: 'tags', group: 'tag', values: TAGS },
  ],
};

export const healthRecords: EntityDescription<'health-records'> = {
  resource: 'health-records',
  icon: '♥',
  heading: ['residentName'],
  sortable: [],
  columns: [
    { key: 'residentName', label: 'field.name', kind: 'text', width: 120 },
    { key: 'conditionCount', label: 'field.conditionCount', kind: 'number', width: 110 },
    { key: 'chronicFocus', label: 'field.chronicFocus', kind: 'flag', width: 120 },
    { key: 'lastFollowUp', label: 'field.lastFollowUp', kind: 'date', width: 130 },
  ],
  filters: [
    { kind: 'flag', key: 'chronicFocus', label: 'list.chronicFocusOnly', testId: 'filter-chronic-focus' },
    ofResident.filter,
  ],
  detail: [
    ofResident.field,
    { key: 'conditionCount', label: 'field.conditions', kind: 'personal', field: 'conditions' },
    { key: 'chronicFocus', label: 'field.chronicFocus', kind: 'flag' },
    { key: 'lastFollowUp', label: 'field.lastFollowUp', kind: 'date' },
  ],
  links: [ofResident.link],
  form: [
    ofResident.input,
    {
      key: 'conditions',
      label: 'field.conditions',
      input: 'tags',
      group: 'condition',
      values: CONDITIONS,
      required: true,
      personal: true,
    },
    { key: 'chronicFocus', label: 'field.chronicFocus', input: 'flag' },
    { key: 'lastFollowUp', label: 'field.lastFollowUp', input: 'date' },
  ],
};
