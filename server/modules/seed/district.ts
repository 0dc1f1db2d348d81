// The tables of one district in foreign-key order. Each step is created only after the previous one's
// rows were consumed, because later generators read what earlier ones recorded in the context.
import type { DistrictContext, TableStep } from './context';
import { healthStep } from './health';
import { enterpriseStep, socialOrganisationStep } from './organisations';
import { partyMemberStep, partyOrganisationStep, partyStudioStep } from './party';
import { residentStep } from './people';
import { addressStep, houseStep } from './places';
import { departmentStep, facilityStep, staffStep } from './services';

const STEPS: readonly ((ctx: DistrictContext) => TableStep)[] = [
  addressStep,
  houseStep,
  residentStep,
  healthStep,
  enterpriseStep,
  socialOrganisationStep,
  partyOrganisationStep,
  partyMemberStep,
  partyStudioStep,
  facilityStep,
  departmentStep,
  staffStep,
];

export function* districtSteps(ctx: DistrictContext): Generator<TableStep> {
  for (const step of STEPS) yield step(ctx);
}
