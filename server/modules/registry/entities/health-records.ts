import { Type } from '@sinclair/typebox';
import { maskName } from '../../../../core/masking';
import { healthRecords, residents } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import type { PiiCipher } from '../../../lib/pii';
import type { EntityDefinition, RegistryContext, Row } from '../engine/types';
import { activeParent, bodies, CommonOutput, DateString, Id, Nullable, placementColumns } from './common';
import { valuesById } from './enterprises';

export const CONDITIONS = [
  'hypertension',
  'diabetes',
  'coronary_heart_disease',
  'copd',
  'stroke',
  'severe_mental_disorder',
  'tuberculosis',
  'chronic_kidney_disease',
  'cancer',
] as const;

export const ChronicCondition = Type.Union(
  CONDITIONS.map((v) => Type.Literal(v)),
  {
    description:
      'hypertension 高血压, diabetes 糖尿病, coronary_heart_disease 冠心病, copd 慢阻肺, stroke 脑卒中, ' +
      'severe_mental_disorder 严重精神障碍, tuberculosis 肺结核, chronic_kidney_disease 慢性肾病, cancer 恶性肿瘤',
  },
);

const fields = {
  residentId: Id('The resident the record belongs to (one active record per resident)'),
  conditions: Type.Array(ChronicCondition, {
    maxItems: 20,
    uniqueItems: true,
    description: 'Chronic conditions; stored encrypted and never listed (only their count is shown)',
  }),
  chronicFocus: Type.Boolean({
    description: 'In the chronic-disease focus group (慢病重点人群); needs a condition',
  }),
  lastFollowUp: Nullable(DateString('Date of the last follow-up visit (随访); not in the future')),
};

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the district's time zone (China Standard Time), as YYYY-MM-DD. */
export const today = () => DAY.format(new Date());

/** A 400 when a given date lies after today. */
export function notAfterToday(field: string, value: unknown) {
  if (typeof value === 'string' && value > today()) {
    throw invalidField(field, `${value} is in the future`, `${value} 晚于今天`);
  }
}

/** Masked names of the residents with these ids. */
export async function residentNames(ctx: RegistryContext, ids: number[]) {
  const names = await valuesById<string>(ctx, residents, residents.name, ids);
  return new Map([...names].map(([id, name]) => [id, maskName(name)]));
}

const conditionsAad = (rowId: number) => ({ table: 'health_records', column: 'conditions_enc', rowId });
const decodeConditions = (pii: PiiCipher, blob: unknown, rowId: number) =>
  JSON.parse(pii.decrypt(blob as Buffer, conditionsAad(rowId))) as string[];

/** Health records (健康档案): a resident's chronic conditions, encrypted; placed where the resident lives. */
export const healthRecordEntity: EntityDefinition = {
  path: 'health-records',
  entity: 'health_record',
  label: { en: 'Health record', zh: '健康档案' },
  table: healthRecords,
  personalFields: ['conditions'],
  ...bodies(fields, ['residentId', 'conditions']),
  output: Type.Object({
    ...CommonOutput,
    residentId: Type.Integer(),
    residentName: Type.String({ description: 'Masked' }),
    conditionCount: Type.Integer({
      description: 'How many conditions are recorded (the conditions are not shown)',
    }),
    chronicFocus: Type.Boolean(),
    lastFollowUp: Type.Union([Type.String(), Type.Null()]),
  }),
  filters: {
    chronicFocus: { schema: Type.Boolean(), column: 'chronicFocus' },
    residentId: { schema: Id(), column: 'residentId' },
  },
  sortable: [],
  uniqueFields: { health_records_resident_key: 'residentId' },
  async toColumns(input, lookup, existing) {
    const { pii } = lookup.ctx;
    const { conditions, ...columns } = input as typeof input & { conditions?: string[] };
    notAfterToday('lastFollowUp', input.lastFollowUp);
    if (conditions !== undefined) {
      // Canonical order, so that re-sending the same set in another order is not a change.
      const sorted = CONDITIONS.filter((c) => conditions.includes(c));
      columns.conditionsEnc = pii.encrypt(JSON.stringify(sorted), conditionsAad(lookup.rowId));
    }
    const focus = (input.chronicFocus ?? existing?.chronicFocus ?? false) as boolean;
    if (focus && (input.chronicFocus !== undefined || conditions !== undefined)) {
      const list =
        conditions ?? (existing ? decodeConditions(pii, existing.conditionsEnc, lookup.rowId) : []);
      if (list.length === 0) {
        throw invalidField(
          'chronicFocus',
          'needs at least one entry in conditions',
          '列为慢病重点人群须至少登记一种慢性病',
        );
      }
    }
    if (!existing || input.residentId !== undefined) {
      const resident = await activeParent(
        lookup,
        'residents',
        (input.residentId ?? existing?.residentId) as number,
        'residentId',
        {
          en: 'resident',
          zh: '居民',
        },
      );
      Object.assign(columns, placementColumns(resident));
    }
    return columns;
  },
  async enrich(rows: Row[], ctx) {
    const names = await residentNames(
      ctx,
      rows.map((r) => r.residentId as number),
    );
    return new Map(rows.map((r) => [r.id, { residentName: names.get(r.residentId as number) ?? '' }]));
  },
  present: (row, ctx, extra) => ({
    residentId: row.residentId,
    residentName: extra.get(row.id)?.residentName ?? '',
    conditionCount: decodeConditions(ctx.pii, row.conditionsEnc, row.id).length,
    chronicFocus: row.chronicFocus,
    lastFollowUp: row.lastFollowUp,
  }),
};
