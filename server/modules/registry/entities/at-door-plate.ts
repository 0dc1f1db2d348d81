import { Type } from '@sinclair/typebox';
import type { RegistryContext } from '../engine/types';
import { addressEntity } from './addresses';
import { addressTexts, lookUpAll } from './lookups';
import { Id } from './schemas';

type AtAddress = { id: number; addressId: number };

/** The `lookUpAll` entry that shows a record's door-plate text beside its `addressId`. */
const addressLookup = ['address', addressTexts, (row: AtAddress) => row.addressId] as const;

/**
 * What every record at a door plate (门牌) shares: the address id and text it shows first, its placement in
 * the address's grid, the `addressId` filter and the look-up of the address text.
 */
export const atDoorPlate = {
  output: { addressId: Type.Integer(), address: Type.String() },
  placedBy: { parent: addressEntity, field: 'addressId' as const },
  filter: { addressId: { schema: Id(), column: 'addressId' as const } },
  addressLookup,
  /** `enrich` for an entity that shows nothing else from other tables. */
  enrich: (rows: AtAddress[], ctx: RegistryContext) => lookUpAll(rows, ctx, [addressLookup]),
  present: (row: { addressId: number }, extra?: { address?: string }) => ({
    addressId: row.addressId,
    address: extra?.address ?? '',
  }),
};
