import { type Static, Type } from '@sinclair/typebox';

export const AreaLevelSchema = Type.Union([
  Type.Literal('district'),
  Type.Literal('street'),
  Type.Literal('community'),
  Type.Literal('grid'),
]);

export const AreaCodeParam = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{15}$', description: '15-digit area code' }) },
  { additionalProperties: false },
);

export const AreaRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export interface AreaNodeOut {
  id: number;
  code: string;
  level: Static<typeof AreaLevelSchema>;
  name: string;
  children: AreaNodeOut[];
}
export const AreaNode = Type.Recursive(
  (Self) =>
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      level: AreaLevelSchema,
      name: Type.String(),
      children: Type.Array(Self),
    }),
  { $id: 'AreaNode' },
);

export const AreaDetail = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  level: AreaLevelSchema,
  name: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  centroid: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  areaKm2: Type.Number(),
  path: Type.Array(AreaRef),
});

export const LocateQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 latitude' }),
    lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 longitude' }),
  },
  { additionalProperties: false },
);

export const LocateResult = Type.Object({
  district: AreaRef,
  street: AreaRef,
  community: AreaRef,
  grid: AreaRef,
});

export const BoundariesQuery = Type.Object(
  { level: Type.Optional(AreaLevelSchema) },
  { additionalProperties: false },
);

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      properties: Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        level: AreaLevelSchema,
        parentCode: Type.Union([Type.String(), Type.Null()]),
      }),
      geometry: Type.Unknown(),
    }),
  ),
});
