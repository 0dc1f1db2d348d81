import { type BodyEnum, type EntityDescription, valuesOf } from '../description';
import { atAddress, lngLat } from './shared';

export const HOUSE_USES = valuesOf<BodyEnum<'houses', 'use'>>({
  own: true,
  rented: true,
  commercial: true,
  vacant: true,
});
const USE_COLOURS = { own: 'green', rented: 'orange', commercial: 'purple', vacant: 'default' };

export const FACILITY_KINDS = valuesOf<BodyEnum<'service-facilities', 'kind'>>({
  school: true,
  kindergarten: true,
  clinic: true,
  elderly_care: true,
  community_service_centre: true,
});

export const addresses: EntityDescription<'addresses'> = {
  resource: 'addresses',
  icon: '⌂',
  heading: ['fullText'],
  search: 'list.searchAddresses',
  sortable: ['road'],
  columns: [
    { key: 'fullText', label: 'field.fullText', kind: 'text', width: 320 },
    { key: 'road', label: 'field.road', kind: 'text', width: 140 },
    { key: 'houseNumber', label: 'field.houseNumber', kind: 'text', width: 100 },
    { key: 'updatedAt', label: 'field.updatedAt', kind: 'datetime', width: 150 },
  ],
  filters: [],
  detail: [
    { key: 'fullText', label: 'field.fullText', kind: 'text', wide: true },
    { key: 'road', label: 'field.road', kind: 'text' },
    { key: 'houseNumber', label: 'field.houseNumber', kind: 'text' },
    ...lngLat.shown,
  ],
  links: [
    {
      kind: 'list',
      resource: 'houses',
      filter: 'addressId',
      label: 'link.housesAt',
      testId: 'link-houses',
      inPlace: {
        title: 'records.related.houses',
        fields: [{ key: 'use', label: 'field.use', kind: 'enum', group: 'use' }],
      },
    },
    {
      kind: 'list',
      resource: 'enterprises',
      filter: 'addressId',
      label: 'link.enterprisesAt',
      testId: 'link-enterprises',
      inPlace: { title: 'records.related.enterprises', fields: [] },
    },
    {
      kind: 'list',
      resource: 'social-organisations',
      filter: 'addressId',
      label: 'link.socialOrganisationsAt',
      testId: 'link-social-organisations',
    },
    {
      kind: 'list',
      resource: 'party-studios',
      filter: 'addressId',
      label: 'link.partyStudiosAt',
      testId: 'link-party-studios',
    },
  ],
  form: [
    { key: 'road', label: 'field.road', input: 'text', required: true },
    { key: 'houseNumber', label: 'field.houseNumber', input: 'text', required: true },
    ...lngLat.inputs,
  ],
};

export const houses: EntityDescription<'houses'> = {
  resource: 'houses',
  icon: '▦',
  heading: ['address', 'unit'],
  search: 'lists.searchHouses',
  sortable: ['unit', 'floorArea'],
  columns: [
    { key: 'address', label: 'field.address', kind: 'text', width: 300 },
    { key: 'unit', label: 'field.unit', kind: 'text', width: 100 },
    { key: 'use', label: 'field.use', kind: 'enum', group: 'use', colours: USE_COLOURS, width: 110 },
    { key: 'floorArea', label: 'field.floorArea', kind: 'number', width: 120 },
  ],
  filters: [
    { kind: 'enum', key: 'use', label: 'field.use', group: 'use', values: HOUSE_USES, testId: 'filter-use' },
    atAddress.filter,
  ],
  detail: [
    { ...atAddress.field, wide: true },
    { key: 'unit', label: 'field.unit', kind: 'text' },
    { key: 'use', label: 'field.use', kind: 'enum', group: 'use', colours: USE_COLOURS },
    { key: 'floorArea', label: 'field.floorArea', kind: 'number' },
  ],
  links: [
    {
      kind: 'list',
      resource: 'residents',
      filter: 'houseId',
      label: 'link.residentsIn',
      testId: 'link-residents',
      inPlace: {
        title: 'records.related.residents',
        fields: [
          { key: 'relation', label: 'field.relation', kind: 'text' },
          { key: 'age', label: 'field.age', kind: 'number' },
          { key: 'householdType', label: 'field.householdType', kind: 'enum', group: 'householdType' },
        ],
      },
    },
    atAddress.link,
  ],
  form: [
    atAddress.input,
    { key: 'unit', label: 'field.unit', input: 'text', required: true },
    { key: 'use', label: 'field.use', input: 'enum', group: 'use', values: HOUSE_USES, required: true },
    { key: 'floorArea', label: 'field.floorArea', input: 'number', required: true },
  ],
};

export const serviceFacilities: EntityDescription<'service-facilities'> = {
  resource: 'service-facilities',
  icon: '✚',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name', 'capacity'],
  columns: [
    { key: 'name', label: 'field.facilityName', kind: 'text', width: 240 },
    { key: 'kind', label: 'field.facilityKind', kind: 'enum', group: 'facilityKind', width: 140 },
    { key: 'capacity', label: 'field.capacity', kind: 'number', width: 100 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'kind',
      label: 'field.facilityKind',
      group: 'facilityKind',
      values: FACILITY_KINDS,
      testId: 'filter-kind',
    },
  ],
  detail: [
    { key: 'name', label: 'field.facilityName', kind: 'text', wide: true },
    { key: 'kind', label: 'field.facilityKind', kind: 'enum', group: 'facilityKind' },
    { key: 'capacity', label: 'field.capacity', kind: 'number' },
    ...lngLat.shown,
  ],
  links: [],
  form: [
    { key: 'name', label: 'field.facilityName', input: 'text', required: true },
    {
      key: 'kind',
      label: 'field.facilityKind',
      input: 'enum',
      group: 'facilityKind',
      values: FACILITY_KINDS,
      required: true,
    },
    { key: 'capacity', label: 'field.capacity', input: 'number', integer: true, required: true },
    ...lngLat.inputs,
  ],
};
