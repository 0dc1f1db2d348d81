/**
 * Pieces several descriptions share: how a record that stands at an address, belongs to a resident or to a
 * party organisation shows, filters, links and asks for that parent.
 */
import type { RegistryResource } from '../../../api/types';
import type { MessageKey } from '../../../i18n';

/** The parent a record points at through `idKey`, whose heading the record shows under `nameKey`. */
function parentPieces<Id extends string, Name extends string>(p: {
  resource: RegistryResource;
  idKey: Id;
  nameKey: Name;
  label: MessageKey;
  idLabel: MessageKey;
  filterLabel: MessageKey;
  linkLabel: MessageKey;
  testId: string;
}) {
  return {
    /** Detail field: the parent's name, linking to it. */
    field: { key: p.nameKey, label: p.label, kind: 'link', resource: p.resource, idKey: p.idKey } as const,
    /** List filter set by the parent's "records here" link. */
    filter: { kind: 'parent', key: p.idKey, resource: p.resource, label: p.filterLabel } as const,
    /** Related-records button to the parent. */
    link: {
      kind: 'record',
      resource: p.resource,
      idKey: p.idKey,
      label: p.linkLabel,
      testId: p.testId,
    } as const,
    /** Form input of the parent's id. */
    input: {
      key: p.idKey,
      label: p.idLabel,
      input: 'reference',
      resource: p.resource,
      required: true,
    } as const,
  };
}

export const atAddress = parentPieces({
  resource: 'addresses',
  idKey: 'addressId',
  nameKey: 'address',
  label: 'field.address',
  idLabel: 'field.addressId',
  filterLabel: 'list.atAddress',
  linkLabel: 'link.address',
  testId: 'link-address',
});

export const ofResident = parentPieces({
  resource: 'residents',
  idKey: 'residentId',
  nameKey: 'residentName',
  label: 'field.name',
  idLabel: 'field.residentId',
  filterLabel: 'list.ofResident',
  linkLabel: 'link.resident',
  testId: 'link-resident',
});

export const ofPartyOrganisation = parentPieces({
  resource: 'party-organisations',
  idKey: 'partyOrganisationId',
  nameKey: 'partyOrganisationName',
  label: 'field.partyOrganisation',
  idLabel: 'field.partyOrganisationId',
  filterLabel: 'list.ofOrganisation',
  linkLabel: 'link.partyOrganisation',
  testId: 'link-party-organisation',
});

/** Longitude and latitude, shown and asked for. */
export const lngLat = {
  shown: [
    { key: 'lng', label: 'field.lng', kind: 'number' },
    { key: 'lat', label: 'field.lat', kind: 'number' },
  ],
  inputs: [
    { key: 'lng', label: 'field.lng', input: 'number', required: true },
    { key: 'lat', label: 'field.lat', input: 'number', required: true },
  ],
} as const;
