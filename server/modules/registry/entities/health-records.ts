import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { CHRONIC_CONDITIONS } from '../../../../core/health/chronic-conditions';
import { healthRecords } from '../../../db/schema';
import { invalidField } from '../../../lib/errors';
import type { PiiCipher } from '../../../lib/pii';
import { defineEntity } from '../engine/types';
import { notAfterToday } from './checks';
import { lookUpAll, residentNames } from './lookups';
import { residentEntity } from './residents';
import { bodies, DateString, Id, Nullable, OneOf, Output } from './schemas';

export const ChronicCondition = OneOf(
  CHRONIC_CONDITIONS,
  'hypertension 高血压, diabetes 糖尿病, coronary_heart_disease 冠心病, copd 慢阻肺, stroke 脑卒中, ' +
    'severe_mental_disorder 严重精神障碍, tuberculosis 肺结核, chronic_kidney_disease 慢性肾病, cancer 恶性肿瘤',
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

const conditionsAad = (rowId: number) => ({ table: 'health_records', column: 'conditions_enc', rowId });
const decodeConditions = (pii: PiiCipher, blob: Buffer, rowId: number): unknown[] =>
  JSON.parse(pii.decrypt(blob, conditionsAad(rowId)));

/** Health records (健康档案): a resident's chronic conditions, encrypted; placed where the resident lives. */
export const healthRecordEntity = defineEntity({
  path: 'health-records',
  entity: 'health_record',
  label: { en: 'Health record', zh: '健康档案' },
  plural: 'health records',
  table: healthRecords,
  personalFields: ['conditions'],
  ...bodies(fields, ['residentId', 'conditions']),
  output: Output({
    residentId: Type.Integer(),
    residentName: Type.String({ description: 'Masked' }),
    conditionCount: Type.Integer({
      description: 'How many conditions are recorded (the conditions are not shown)',
    }),
    chronicFocus: Type.Boolean(),
    lastFollowUp: Type.Union([Type.String(), Type.Null()]),
  }),
  placedBy: { parent: residentEntity, field: 'residentId' },
  metrics: { healthRecords: {}, chronicFocus: { where: 'chronic_focus', filter: { chronicFocus: true } } },
  filters: {
    chronicFocus: { schema: Type.Boolean(), column: 'chronicFocus' },
    // A follow-up due: last visit before a date, or none recorded.
    followUpBefore: {
      schema: DateString('Last follow-up before this date, or none recorded'),
      where: (value: string) =>
        sql`(${healthRecords.lastFollowUp} IS NULL OR ${healthRecords.lastFollowUp} < ${value}::date)`,
    },
    residentId: { schema: Id(), column: 'residentId' },
  },
  sortable: [],
  uniqueFields: { health_records_resident_key: 'residentId' },
  async toColumns({ input, existing, after }, lookup) {
    const { pii } = lookup.ctx;
    const { conditions, ...columns } = input;
    notAfterToday('lastFollowUp', input.lastFollowUp);
    if (after.chronicFocus && (input.chronicFocus !== undefined || conditions !== undefined)) {
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
    if (conditions === undefined) return columns;
    // Canonical order, so that re-sending the same set in another order is not a change.
    const sorted = CHRONIC_CONDITIONS.filter((c) => conditions.includes(c));
    return { ...columns, conditionsEnc: pii.encrypt(JSON.stringify(sorted), conditionsAad(lookup.rowId)) };
  },
  enrich: (rows, ctx) => lookUpAll(rows, ctx, [['residentName', residentNames, (r) => r.residentId]]),
  present: (row, ctx, extra) => ({
    residentId: row.residentId,
    residentName: extra?.residentName ?? '',
    conditionCount: decodeConditions(ctx.pii, row.conditionsEnc, row.id).length,
    chronicFocus: row.chronicFocus,
    lastFollowUp: row.lastFollowUp,
  }),
});
