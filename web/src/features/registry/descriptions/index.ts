import type { RegistryResource } from '../../../api/types';
import type { AnyDescription, EntityDescription } from '../description';
import { departments, staff } from './government';
import { enterprises, socialOrganisations } from './organisations';
import { partyMembers, partyOrganisations, partyStudios } from './party';
import { healthRecords, residents } from './people';
import { addresses, houses, serviceFacilities } from './places';

/** Every registry entity's description; the type makes a missing entity a compile error. */
const DESCRIPTIONS: { [P in RegistryResource]: EntityDescription<P> } = {
  addresses,
  houses,
  residents,
  'health-records': healthRecords,
  enterprises,
  'social-organisations': socialOrganisations,
  'party-organisations': partyOrganisations,
  'party-members': partyMembers,
  'party-studios': partyStudios,
  'service-facilities': serviceFacilities,
  departments,
  staff,
};

export const describe = (resource: RegistryResource): AnyDescription => DESCRIPTIONS[resource];

/** In the side menu's order. */
export const REGISTRY_SCREENS: readonly AnyDescription[] = Object.values(DESCRIPTIONS);
