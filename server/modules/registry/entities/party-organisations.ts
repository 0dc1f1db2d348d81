import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { execRows } from '../../../db/client';
import { partyOrganisations } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import type { EntityDefinition, RegistryContext, Row } from '../engine/types';
import { activeParent, bodies, CommonOutput, Id, placementColumns, Text } from './common';
import { AreaCode, areaByCode } from './departments';
import { valuesById } from './enterprises';
import { containsSearch } from './social-organisations';

export const partyOrganisationLabel = { en: 'party organisation', zh: '党组织' };

export async function partyOrganisationNames(ctx: RegistryContext, ids: number[]) {
  return valuesById<string>(ctx, partyOrganisations, partyOrganisations.name, ids);
}

export const PartyOrganisationKind = Type.Union(
  ['committee', 'general_branch', 'branch'].map((v) => Type.Literal(v)),
  { description: 'committee 党委, general_branch 党总支, branch 党支部' },
);
type Kind = 'committee' | 'general_branch' | 'branch';
const KIND_ZH: Record<Kind, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };
/** A kind may be the parent of lower kinds only: committee → general_branch or branch, general_branch → branch. */
const RANK: Record<Kind, number> = { committee: 2, general_branch: 1, branch: 0 };

const fields = {
  areaCode: AreaCode('Code of the street, community or grid the organisation belongs to'),
  parentId: Type.Union([Id('The party organisation above this one'), Type.Null()]),
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

/** Party organisations (党组织): committees, general branches and branches, in a tree; placed at their area. */
export const partyOrganisationEntity: EntityDefinition = {
  path: 'party-organisations',
  entity: 'party_organisation',
  label: { en: 'Party organisation', zh: '党组织' },
  table: partyOrganisations,
  ...bodies(fields, ['areaCode', 'name', 'kind', 'secretary']),
  output: Type.Object({
    ...CommonOutput,
    areaCode: Type.String(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    parentName: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    kind: Type.String(),
    secretary: Type.String(),
  }),
  filters: {
    kind: { schema: PartyOrganisationKind, column: 'kind' },
    parentId: { schema: Id(), column: 'parentId' },
  },
  sortable: ['name'],
  search: (q) => ({ where: containsSearch('name', q) }),
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
  async toColumns(input, lookup, existing) {
    const { ctx, tx } = lookup;
    const { areaCode, ...columns } = input;
    if (areaCode !== undefined) {
      const area = areaByCode(ctx, areaCode as string, 'areaCode', ['street', 'community', 'grid']);
      Object.assign(columns, { areaId: area.id, ...placementColumns(ctx.areas.placementOf(area)) });
    }
    const kind = (input.kind ?? existing?.kind) as Kind;
    const parentId = ((input.parentId === undefined ? existing?.parentId : input.parentId) ?? null) as
      | number
      | null;
    if (existing && parentId === existing.id) {
      throw unprocessable(
        'invalid_parent',
        'parentId: an organisation cannot be its own parent',
        'parentId：党组织不能是自己的上级',
        'parentId',
      );
    }
    if (parentId !== null && (input.parentId !== undefined || input.kind !== undefined)) {
      const parent = await activeParent(
        lookup,
        'party_organisations',
        parentId,
        'parentId',
        partyOrganisationLabel,
      );
      if (RANK[parent.kind as Kind] <= RANK[kind]) throw badParent(parent.kind as Kind, kind);
    }
    if (existing && input.kind !== undefined && input.kind !== existing.kind) {
      const [held] = await execRows<{ kinds: Kind[] | null; members: number }>(
        tx,
        sql`SELECT
          (SELECT array_agg(DISTINCT kind) FROM party_organisations WHERE parent_id = ${existing.id} AND archived_at IS NULL) AS kinds,
          (SELECT count(*)::int FROM party_members WHERE party_organisation_id = ${existing.id} AND archived_at IS NULL) AS members`,
      );
      const misfit = held?.kinds?.find((k) => RANK[k] >= RANK[kind]);
      const members = kind === 'committee' ? (held?.members ?? 0) : 0;
      if (misfit || members > 0) {
        const what = misfit
          ? { en: `subordinate ${misfit} organisations`, zh: `下级${KIND_ZH[misfit]}` }
          : {
              en: `${members} members (members belong to branches)`,
              zh: `${members} 名党员（党员隶属支部）`,
            };
        throw unprocessable(
          'invalid_kind',
          `kind: a ${kind} cannot keep its ${what.en}; move them first`,
          `kind：${KIND_ZH[kind]}不能保留其${what.zh}，请先调整`,
          'kind',
        );
      }
    }
    return columns;
  },
  async enrich(rows: Row[], ctx) {
    const names = await partyOrganisationNames(
      ctx,
      rows.map((r) => r.parentId as number),
    );
    return new Map(rows.map((r) => [r.id, { parentName: names.get(r.parentId as number) ?? null }]));
  },
  present: (row, ctx, extra) => ({
    areaCode: ctx.areas.byIdOrNull(row.areaId as number)?.code ?? '',
    parentId: row.parentId,
    parentName: extra.get(row.id)?.parentName ?? null,
    name: row.name,
    kind: row.kind,
    secretary: row.secretary,
  }),
};
