import { type BodyEnum, type EntityDescription, valuesOf } from '../description';
import { atAddress, ofPartyOrganisation, ofResident } from './shared';

const PARTY_KINDS = valuesOf<BodyEnum<'party-organisations', 'kind'>>({
  committee: true,
  general_branch: true,
  branch: true,
});
const MEMBER_STATUSES = valuesOf<BodyEnum<'party-members', 'status'>>({ full: true, probationary: true });
const MEMBER_COLOURS = { full: 'red', probationary: 'orange' };

export const partyOrganisations: EntityDescription<'party-organisations'> = {
  resource: 'party-organisations',
  icon: '★',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name'],
  columns: [
    { key: 'name', label: 'field.organisationName', kind: 'text', width: 260 },
    { key: 'kind', label: 'field.partyKind', kind: 'enum', group: 'partyKind', width: 110 },
    { key: 'secretary', label: 'field.secretary', kind: 'text', width: 100 },
    { key: 'parentName', label: 'field.parentOrganisation', kind: 'text', width: 220 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'kind',
      label: 'field.partyKind',
      group: 'partyKind',
      values: PARTY_KINDS,
      testId: 'filter-kind',
    },
    { kind: 'parent', key: 'parentId', resource: 'party-organisations', label: 'list.underOrganisation' },
  ],
  detail: [
    { key: 'name', label: 'field.organisationName', kind: 'text', wide: true },
    { key: 'kind', label: 'field.partyKind', kind: 'enum', group: 'partyKind' },
    { key: 'secretary', label: 'field.secretary', kind: 'text' },
    {
      key: 'parentName',
      label: 'field.parentOrganisation',
      kind: 'link',
      resource: 'party-organisations',
      idKey: 'parentId',
    },
  ],
  links: [
    {
      kind: 'list',
      resource: 'party-members',
      filter: 'partyOrganisationId',
      label: 'link.membersOf',
      testId: 'link-party-members',
    },
    {
      kind: 'list',
      resource: 'party-studios',
      filter: 'partyOrganisationId',
      label: 'link.studiosOf',
      testId: 'link-party-studios',
    },
    {
      kind: 'list',
      resource: 'party-organisations',
      filter: 'parentId',
      label: 'link.subordinatesOf',
      testId: 'link-subordinates',
    },
  ],
  form: [
    { key: 'areaCode', label: 'field.area', input: 'area', required: true },
    { key: 'parentId', label: 'field.parentId', input: 'reference', resource: 'party-organisations' },
    { key: 'name', label: 'field.organisationName', input: 'text', required: true },
    {
      key: 'kind',
      label: 'field.partyKind',
      input: 'enum',
      group: 'partyKind',
      values: PARTY_KINDS,
      required: true,
    },
    { key: 'secretary', label: 'field.secretary', input: 'text', required: true },
  ],
};

export const partyMembers: EntityDescription<'party-members'> = {
  resource: 'party-members',
  icon: '✦',
  heading: ['residentName'],
  sortable: ['joinedOn'],
  columns: [
    { key: 'residentName', label: 'field.name', kind: 'text', width: 120 },
    { key: 'partyOrganisationName', label: 'field.partyOrganisation', kind: 'text', width: 260 },
    {
      key: 'status',
      label: 'field.memberStatus',
      kind: 'enum',
      group: 'memberStatus',
      colours: MEMBER_COLOURS,
      width: 110,
    },
    { key: 'joinedOn', label: 'field.joinedOn', kind: 'date', width: 120 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'status',
      label: 'field.memberStatus',
      group: 'memberStatus',
      values: MEMBER_STATUSES,
      testId: 'filter-status',
    },
    ofPartyOrganisation.filter,
    ofResident.filter,
  ],
  detail: [
    ofResident.field,
    { ...ofPartyOrganisation.field, wide: true },
    {
      key: 'status',
      label: 'field.memberStatus',
      kind: 'enum',
      group: 'memberStatus',
      colours: MEMBER_COLOURS,
    },
    { key: 'joinedOn', label: 'field.joinedOn', kind: 'date' },
  ],
  links: [ofResident.link, ofPartyOrganisation.link],
  form: [
    ofResident.input,
    ofPartyOrganisation.input,
    { key: 'joinedOn', label: 'field.joinedOn', input: 'date', required: true },
    {
      key: 'status',
      label: 'field.memberStatus',
      input: 'enum',
      group: 'memberStatus',
      values: MEMBER_STATUSES,
      required: true,
    },
  ],
};

export const partyStudios: EntityDescription<'party-studios'> = {
  resource: 'party-studios',
  icon: '✪',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name', 'openedOn'],
  columns: [
    { key: 'name', label: 'field.studioName', kind: 'text', width: 220 },
    { key: 'partyOrganisationName', label: 'field.partyOrganisation', kind: 'text', width: 240 },
    { key: 'openedOn', label: 'field.openedOn', kind: 'date', width: 120 },
    { key: 'address', label: 'field.address', kind: 'text', width: 220 },
  ],
  filters: [ofPartyOrganisation.filter, atAddress.filter],
  detail: [
    { key: 'name', label: 'field.studioName', kind: 'text', wide: true },
    ofPartyOrganisation.field,
    { key: 'openedOn', label: 'field.openedOn', kind: 'date' },
    { ...atAddress.field, wide: true },
  ],
  links: [atAddress.link, ofPartyOrganisation.link],
  form: [
    atAddress.input,
    ofPartyOrganisation.input,
    { key: 'name', label: 'field.studioName', input: 'text', required: true },
    { key: 'openedOn', label: 'field.openedOn', input: 'date', required: true },
  ],
};
