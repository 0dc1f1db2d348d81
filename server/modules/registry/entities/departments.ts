import { Type } from '@sinclair/typebox';
import { departments } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import { defineEntity } from '../engine/types';
import { areaByCode, placementColumns } from './areas';
import { AreaCode, bodies, Output, Text } from './schemas';
import { containsSearch } from './search';

const fields = {
  districtCode: AreaCode('Code of the district the department serves; not changed once set'),
  code: Type.String({
    pattern: '^[a-z][a-z0-9_]{1,39}$',
    description: 'Short stable code, e.g. transport; unique in the district and not changed once set',
  }),
  name: Text(100, 'Full name, e.g. 广州市黄埔区交通运输局'),
  shortName: Text(20, 'Short name, e.g. 交通局'),
};

/** Functional departments (职能部门) of a district: events are dispatched to them; staff may belong to one. */
export const departmentEntity = defineEntity({
  path: 'departments',
  entity: 'department',
  label: { en: 'Department', zh: '职能部门' },
  plural: 'departments',
  table: departments,
  ...bodies(fields, ['districtCode', 'code', 'name', 'shortName']),
  output: Output({
    districtCode: Type.String(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
  }),
  metrics: { departments: {} },
  filters: { code: { schema: fields.code, column: 'code' } },
  sortable: ['name', 'code'],
  uniqueFields: { departments_code_key: 'code' },
  dependents: [{ table: 'staff', column: 'department_id', label: { en: 'staff', zh: '工作人员' } }],
  search: (q) => ({ where: containsSearch(departments.name, q) }),
  async toColumns({ input, existing }, { ctx }) {
    const { districtCode, ...columns } = input;
    if (existing && input.code !== undefined && input.code !== existing.code) {
      throw unprocessable(
        'immutable_field',
        `code: a department's code is stable (${existing.code}); change its name instead`,
        `code：部门编码（${existing.code}）不可更改，请修改名称`,
        'code',
      );
    }
    if (districtCode === undefined) return columns;
    const district = areaByCode(ctx, districtCode, 'districtCode', ['district']);
    if (existing && district.id !== existing.districtId) {
      throw unprocessable(
        'immutable_field',
        'districtCode: a department belongs to one district for good; create it in the other district instead',
        'districtCode：部门所属区不可更改，请在另一区新建部门',
        'districtCode',
      );
    }
    return { ...columns, ...placementColumns(ctx.areas.placementOf(district)) };
  },
  present: (row, ctx) => ({
    districtCode: ctx.areas.byIdOrNull(row.districtId)?.code ?? '',
    code: row.code,
    name: row.name,
    shortName: row.shortName,
  }),
});
