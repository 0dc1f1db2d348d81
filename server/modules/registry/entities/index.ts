import type { EntityDefinition } from '../engine/types';
import { addressEntity } from './addresses';
import { departmentEntity } from './departments';
import { enterpriseEntity } from './enterprises';
import { healthRecordEntity } from './health-records';
import { houseEntity } from './houses';
import { partyMemberEntity } from './party-members';
import { partyOrganisationEntity } from './party-organisations';
import { partyStudioEntity } from './party-studios';
import { residentEntity } from './residents';
import { serviceFacilityEntity } from './service-facilities';
import { socialOrganisationEntity } from './social-organisations';
import { staffEntity } from './staff';

/** Every registry entity served under /api/v1/registry/<path>. */
export const ENTITIES: EntityDefinition[] = [
  addressEntity,
  houseEntity,
  residentEntity,
  healthRecordEntity,
  enterpriseEntity,
  socialOrganisationEntity,
  partyOrganisationEntity,
  partyMemberEntity,
  partyStudioEntity,
  serviceFacilityEntity,
  departmentEntity,
  staffEntity,
];
