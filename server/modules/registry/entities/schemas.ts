import {
  type TInteger,
  type TObject,
  type TOptional,
  type TProperties,
  type TSchema,
  Type,
} from '@sinclair/typebox';
import { MAX_DATE, MAX_ID, MIN_DATE } from '../../../plugins/input-bounds';

/**
 * Text as stored: every input string is NFC-normalised and trimmed and refused if it holds control
 * characters (server/plugins/input-normalisation.ts) before this schema sees it, so `minLength: 1` means
 * "at least one character that is not white space".
 */
export const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, description });
/** A real calendar date in MIN_DATE..MAX_DATE (the `date` format is bounded in server/plugins/validation.ts). */
export const DateString = (description?: string) =>
  Type.String({
    format: 'date',
    description: [description, `YYYY-MM-DD, ${MIN_DATE}..${MAX_DATE}`].filter(Boolean).join('; '),
  });
export const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude' });
export const Lng = Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude' });
/** A reference to a row: ids are PostgreSQL `integer`s. Use for bodies, path parameters and filters alike. */
export const Id = (description?: string) => Type.Integer({ minimum: 1, maximum: MAX_ID, description });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** One of a fixed list of codes (the migration's CHECK constraint lists the same). */
export const OneOf = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description === undefined ? {} : { description },
  );
export const AreaCode = (description: string) => Type.String({ pattern: '^[0-9]{15}$', description });

type CreateProperties<P extends TProperties, R extends keyof P> = {
  [K in keyof P]: K extends R ? P[K] : TOptional<P[K]>;
};
type UpdateProperties<P extends TProperties> = { [K in keyof P]: TOptional<P[K]> } & {
  version: TOptional<TInteger>;
};

/** Create body (all given fields required as declared) and update body (any subset, plus optional version). */
export function bodies<P extends TProperties, R extends keyof P & string>(properties: P, required: R[]) {
  const create: TProperties = {};
  const update: TProperties = {};
  for (const [key, schema] of Object.entries(properties)) {
    create[key] = required.some((r) => r === key) ? schema : Type.Optional(schema);
    update[key] = Type.Optional(schema);
  }
  update.version = Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'The version you read; 409 if it changed' }),
  );
  // Built key by key above; these are the types TypeBox would infer for the same properties.
  return {
    createBody: Type.Object(create, { additionalProperties: false }) as TObject<CreateProperties<P, R>>,
    updateBody: Type.Object(update, { additionalProperties: false, minProperties: 1 }) as TObject<
      UpdateProperties<P>
    >,
  };
}

/** Fields every record shows (see engine/present.ts). */
export const CommonOutput = {
  id: Type.Integer(),
  districtId: Type.Integer(),
  streetId: Type.Union([Type.Integer(), Type.Null()]),
  communityId: Type.Union([Type.Integer(), Type.Null()]),
  gridId: Type.Union([Type.Integer(), Type.Null()]),
  area: Type.Object({
    street: Type.Union([Type.String(), Type.Null()]),
    community: Type.Union([Type.String(), Type.Null()]),
    grid: Type.Union([Type.String(), Type.Null()]),
    gridCode: Type.Union([Type.String(), Type.Null()]),
  }),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  archivedAt: Type.Union([Type.String(), Type.Null()]),
};

/** An output schema: the common fields, then the entity's own. */
export const Output = <P extends TProperties>(own: P) => Type.Object({ ...CommonOutput, ...own });
