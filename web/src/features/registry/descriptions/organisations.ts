import type { ListQuery } from '../../../api/types';
import { type BodyEnum, type EntityDescription, valuesOf } from '../description';
import { atAddress } from './shared';

const LICENCE_STATUSES = valuesOf<BodyEnum<'enterprises', 'licenceStatus'>>({
  licensed: true,
  unlicensed: true,
  expired: true,
  revoked: true,
});
const SIZES = valuesOf<NonNullable<ListQuery<'enterprises'>['size']>>({
  micro: true,
  small: true,
  medium: true,
  large: true,
});
/** The industries the register uses (enum.industry.*); the API takes any text, the filter offers these. */
const INDUSTRIES = [
  'manufacturing',
  'logistics',
  'port_shipping',
  'retail',
  'catering',
  'construction',
  'hazardous_chemicals',
  'software_it',
  'business_services',
  'real_estate',
] as const;
const LICENCE_COLOURS = { licensed: 'green', unlicensed: 'orange', expired: 'gold', revoked: 'red' };
const SOCIAL_KINDS = valuesOf<BodyEnum<'social-organisations', 'kind'>>({
  social_group: true,
  private_non_enterprise: true,
  foundation: true,
});

export const enterprises: EntityDescription<'enterprises'> = {
  resource: 'enterprises',
  icon: '▣',
  heading: ['name'],
  search: 'lists.searchEnterprises',
  sortable: ['name', 'employees'],
  columns: [
    { key: 'name', label: 'field.enterpriseName', kind: 'text', width: 220 },
    { key: 'uscc', label: 'field.uscc', kind: 'text', width: 180 },
    { key: 'industry', label: 'field.industry', kind: 'enum', group: 'industry', width: 110 },
    {
      key: 'licenceStatus',
      label: 'field.licenceStatus',
      kind: 'enum',
      group: 'licenceStatus',
      colours: LICENCE_COLOURS,
      width: 110,
    },
    { key: 'hazardousChemicals', label: 'field.hazardousChemicals', kind: 'flag', width: 100 },
    { key: 'employees', label: 'field.employees', kind: 'number', width: 80 },
    { key: 'address', label: 'field.address', kind: 'text', width: 190 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'licenceStatus',
      label: 'field.licenceStatus',
      group: 'licenceStatus',
      values: LICENCE_STATUSES,
      testId: 'filter-licence',
    },
    {
      kind: 'enum',
      key: 'industry',
      label: 'field.industry',
      group: 'industry',
      values: INDUSTRIES,
      testId: 'filter-industry',
    },
    { kind: 'enum', key: 'size', label: 'lists.size', group: 'size', values: SIZES, testId: 'filter-size' },
    { kind: 'flag', key: 'hazardousChemicals', label: 'list.hazardousOnly', testId: 'filter-hazardous' },
    atAddress.filter,
  ],
  detail: [
    { key: 'name', label: 'field.enterpriseName', kind: 'text', wide: true },
    { key: 'uscc', label: 'field.uscc', kind: 'text' },
    { key: 'industry', label: 'field.industry', kind: 'enum', group: 'industry' },
    {
      key: 'licenceStatus',
      label: 'field.licenceStatus',
      kind: 'enum',
      group: 'licenceStatus',
      colours: LICENCE_COLOURS,
    },
    { key: 'hazardousChemicals', label: 'field.hazardousChemicals', kind: 'flag' },
    { key: 'employees', label: 'field.employees', kind: 'number' },
    { key: 'legalRepresentative', label: 'field.legalRepresentative', kind: 'text' },
    { ...atAddress.field, wide: true },
  ],
  links: [atAddress.link],
  form: [
    atAddress.input,
    { key: 'name', label: 'field.enterpriseName', input: 'text', required: true },
    { key: 'uscc', label: 'field.uscc', input: 'text', required: true },
    { key: 'industry', label: 'field.industry', input: 'text', required: true },
    {
      key: 'licenceStatus',
      label: 'field.licenceStatus',
      input: 'enum',
      group: 'licenceStatus',
      values: LICENCE_STATUSES,
      required: true,
    },
    { key: 'hazardousChemicals', label: 'field.hazardousChemicals', input: 'flag' },
    { key: 'employees', label: 'field.employees', input: 'number', integer: true },
    { key: 'legalRepresentative', label: 'field.legalRepresentative', input: 'text', required: true },
  ],
};

export const socialOrganisations: EntityDescription<'social-organisations'> = {
  resource: 'social-organisations',
  icon: '❖',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name', 'registeredOn'],
  columns: [
    { key: 'name', label: 'field.organisationName', kind: 'text', width: 240 },
    { key: 'uscc', label: 'field.uscc', kind: 'text', width: 180 },
    { key: 'kind', label: 'field.socialKind', kind: 'enum', group: 'socialKind', width: 130 },
    { key: 'registeredOn', label: 'field.registeredOn', kind: 'date', width: 120 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'kind',
      label: 'field.socialKind',
      group: 'socialKind',
      values: SOCIAL_KINDS,
      testId: 'filter-kind',
    },
    atAddress.filter,
  ],
  detail: [
    { key: 'name', label: 'field.organisationName', kind: 'text', wide: true },
    { key: 'uscc', label: 'field.uscc', kind: 'text' },
    { key: 'kind', label: 'field.socialKind', kind: 'enum', group: 'socialKind' },
    { key: 'registeredOn', label: 'field.registeredOn', kind: 'date' },
    { ...atAddress.field, wide: true },
  ],
  links: [atAddress.link],
  form: [
    atAddress.input,
    { key: 'name', label: 'field.organisationName', input: 'text', required: true },
    { key: 'uscc', label: 'field.uscc', input: 'text', required: true },
    {
      key: 'kind',
      label: 'field.socialKind',
      input: 'enum',
      group: 'socialKind',
      values: SOCIAL_KINDS,
      required: true,
    },
    { key: 'registeredOn', label: 'field.registeredOn', input: 'date', required: true },
  ],
};
