import { Type } from '@sinclair/typebox';

const Code = Type.String({ minLength: 1, maxLength: 60 });

export const RuleBody = Type.Object(
  {
    categoryCode: Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2})?$', description: "'17' or '20.05'" }),
    area: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], {
        description: 'A street or community code narrowing the rule; absent or null: the whole district',
      }),
    ),
    lead: Code,
    cooperating: Type.Array(Code, { maxItems: 10, default: [] }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const RuleId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ListQuery = Type.Object({
  categoryCode: Type.Optional(Type.String({ maxLength: 5 })),
  includeRetired: Type.Optional(Type.Boolean({ default: false })),
});

export const AcceptanceQuery = Type.Object({
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Dispatches at or after (default: 90 days ago)' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Dispatches before (default: now)' })),
});

export const RuleView = Type.Object({
  id: Type.Integer(),
  ruleId: Type.Integer({ description: 'The first version’s id, shared by all versions of the rule' }),
  version: Type.Integer(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  area: Type.Union([
    Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
    Type.Null(),
  ]),
  lead: Type.String(),
  cooperating: Type.Array(Type.String()),
  catalogueLead: Type.String(),
  catalogueCooperating: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  creator: Type.String(),
  createdAt: Type.String(),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
});

export const RuleList = Type.Object({ items: Type.Array(RuleView) });

const RuleRef = Type.Union(
  [Type.Object({ id: Type.Integer(), ruleId: Type.Integer(), version: Type.Integer() }), Type.Null()],
  { description: 'The rule version it came from; null: the catalogue default' },
);

export const SuggestionView = Type.Object({
  lead: Type.String(),
  cooperating: Type.Array(Type.String()),
  source: Type.Union([Type.Literal('rule'), Type.Literal('catalogue')]),
  rule: RuleRef,
  categoryCode: Type.String(),
  area: Type.Union([
    Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
    Type.Null(),
  ]),
});

const Rate = {
  dispatches: Type.Integer(),
  followed: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()], {
    description: 'followed ÷ dispatches; null without dispatches',
  }),
};
export const AcceptanceView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  overall: Type.Object(Rate),
  byRule: Type.Array(Type.Object({ rule: RuleRef, ...Rate })),
  byCategory: Type.Array(Type.Object({ categoryCode: Type.String(), ...Rate })),
});
