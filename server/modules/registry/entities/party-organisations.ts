import { Type } from '@sinclair/typebox';
import { and, count, eq, isNull } from 'drizzle-orm';
import { partyMembers, partyOrganisations } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import { activeParent } from '../engine/read';
import { defineEntity, type Lookup } from '../engine/types';
import { areaByCode, placementColumns } from './areas';
import { lookUpAll, partyOrganisationNames } from './lookups';
import { AreaCode, bodies, Id, Nullable, OneOf, Output, Text } from './schemas';
import { containsSearch } from './search';

const KINDS = ['committee', 'general_branch', 'branch'] as const;
type Kind = (typeof KINDS)[number];
export const PartyOrganisationKind = OneOf(KINDS, 'committee 党委, general_branch 党总支, branch 党支部');
const KIND_ZH: Record<Kind, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };
/** A kind may be the parent of lower kinds only: committee → general_branch or branch, general_branch → branch. */
const RANK: Record<Kind, number> = { committee: 2, general_branch: 1, branch: 0 };

const fields = {
  areaCode: AreaCode('Code of the street, community or grid the organisation belongs to'),
  parentId: Nullable(Id('The party organisation above this one')),
  name: Text(100, 'e.g. 中共某某社区委员会'),
  kind: PartyOrganisationKind,
  secretary: Text(50, 'Secretary 书记'),
};

const badParent = (parent: Kind, child: Kind) =>
  unprocessable(
    'invalid_parent',
    `parentId: a ${parent} cannot be the parent of a ${child} (committee → general_branch or branch; general_branch → branch)`,
    `parentId：${KIND_ZH[parent]}不能作为${KIND_ZH[child]}的上级（党委→党总支或党支部，党总支→党支部）`,
    'parentId',
  );

/** What an organisation changing to `kind` would still hold that the new kind may not: a 422 naming it. */
async function assertKindFits({ tx }: Lookup, id: number, kind: Kind) {
  const children = await tx
    .selectDistinct({ kind: partyOrganisations.kind })
    .from(partyOrganisations)
    .where(and(eq(partyOrganisations.parentId, id), isNull(partyOrganisations.archivedAt)));
  const misfit = children.map((c) => c.kind).find((k) => RANK[k] >= RANK[kind]);
  const [members] =
    kind === 'committee'
      ? await tx
          .select({ n: count() })
          .from(partyMembers)
          .where(and(eq(partyMembers.partyOrganisationId, id), isNull(partyMembers.archivedAt)))
      : [];
  const memberCount = members?.n ?? 0;
  if (!misfit && memberCount === 0) return;
  const what = misfit
    ? { en: `subordinate ${misfit} organisations`, zh: `下级${KIND_ZH[misfit]}` }
    : {
        en: `${memberCount} members (members belong to branches)`,
        zh: `${memberCount} 名党员（党员隶属支部）`,
      };
  throw unprocessable(
    'invalid_kind',
    `kind: a ${kind} cannot keep its ${what.en}; move them first`,
    `kind：${KIND_ZH[kind]}不能保留其${what.zh}，请先调整`,
    'kind',
  );
}

/** Party organisations (党组织): committees, general branches and branches, in a tree; placed at their area. */
export const partyOrganisationEntity = defineEntity({
  path: 'party-organisations',
  entity: 'party_organisation',
  label: { en: 'Party organisation', zh: '党组织' },
  plural: 'party organisations',
  table: partyOrganisations,
  ...bodies(fields, ['areaCode', 'name', 'kind', 'secretary']),
  output: Output({
    areaCode: Type.String(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    parentName: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    kind: Type.String(),
    secretary: Type.String(),
  }),
  metrics: { partyOrganisations: {} },
  filters: {
    kind: { schema: PartyOrganisationKind, column: 'kind' },
    parentId: { schema: Id(), column: 'parentId' },
  },
  sortable: ['name'],
  search: (q) => ({ where: containsSearch(partyOrganisations.name, q) }),
  dependents: [
    { table: 'party_members', column: 'party_organisation_id', label: { en: 'party members', zh: '党员' } },
    {
      table: 'party_studios',
      column: 'party_organisation_id',
      label: { en: 'party studios', zh: '党员工作室' },
    },
    {
      table: 'party_organisations',
      column: 'parent_id',
      label: { en: 'subordinate party organisations', zh: '下级党组织' },
    },
  ],
  async toColumns({ input, existing, after }, lookup) {
    const { ctx } = lookup;
    const { areaCode, ...columns } = input;
    const area =
      areaCode === undefined ? null : areaByCode(ctx, areaCode, 'areaCode', ['street', 'community', 'grid']);
    const kind = after.kind;
    const parentId = after.parentId ?? null;
    if (existing && parentId === existing.id) {
      throw unprocessable(
        'invalid_parent',
        'parentId: an organisation cannot be its own parent',
        'parentId：党组织不能是自己的上级',
        'parentId',
      );
    }
    if (parentId !== null && (input.parentId !== undefined || input.kind !== undefined)) {
      const parent = await activeParent(lookup, partyOrganisationEntity, parentId, 'parentId');
      if (RANK[parent.kind] <= RANK[kind]) throw badParent(parent.kind, kind);
    }
    if (existing && input.kind !== undefined && input.kind !== existing.kind)
      await assertKindFits(lookup, existing.id, kind);
    if (!area) return columns;
    return { ...columns, areaId: area.id, ...placementColumns(ctx.areas.placementOf(area)) };
  },
  enrich: (rows, ctx) => lookUpAll(rows, ctx, [['parentName', partyOrganisationNames, (r) => r.parentId]]),
  present: (row, ctx, extra) => ({
    areaCode: ctx.areas.byIdOrNull(row.areaId)?.code ?? '',
    parentId: row.parentId,
    parentName: extra?.parentName ?? null,
    name: row.name,
    kind: row.kind,
    secretary: row.secretary,
  }),
});
