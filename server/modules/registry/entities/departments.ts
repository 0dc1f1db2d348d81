import { Type } from '@sinclair/typebox';
import type { AreaLevel } from '../../../../core/areas/area-code';
import { departments } from '../../../db/schema';
import { DomainError, unprocessable } from '../../../lib/errors';
import type { Area } from '../../areas/directory';
import type { EntityDefinition, RegistryContext } from '../engine/types';
import { bodies, CommonOutput, placementColumns, Text } from './common';
import { containsSearch } from './social-organisations';

export const AreaCode = (description: string) => Type.String({ pattern: '^[0-9]{15}$', description });

export const LEVEL_ZH: Record<AreaLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
};

/** The area with this code, or a 422 naming the field when it is unknown or not of an allowed level. */
export function areaByCode(ctx: RegistryContext, code: string, field: string, levels: AreaLevel[]): Area {
  let area: Area;
  try {
    area = ctx.areas.resolve(code);
  } catch (error) {
    if (!(error instanceof DomainError) || error.statusCode !== 404) throw error;
    throw unprocessable(
      'unknown_area',
      `${field}: no area has code ${code}`,
      `${field}：不存在编码为 ${code} 的区域`,
      field,
    );
  }
  if (!levels.includes(area.level)) {
    throw unprocessable(
      'wrong_area_level',
      `${field}: ${code} is a ${area.level}; it must be a ${levels.join(' or ')}`,
      `${field}：${code} 是${LEVEL_ZH[area.level]}，应为${levels.map((l) => LEVEL_ZH[l]).join('或')}`,
      field,
    );
  }
  return area;
}

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
export const departmentEntity: EntityDefinition = {
  path: 'departments',
  entity: 'department',
  label: { en: 'Department', zh: '职能部门' },
  table: departments,
  ...bodies(fields, ['districtCode', 'code', 'name', 'shortName']),
  output: Type.Object({
    ...CommonOutput,
    districtCode: Type.String(),
    code: Type.String(),
    name: Type.String(),
    shortName: Type.String(),
  }),
  filters: { code: { schema: fields.code, column: 'code' } },
  sortable: ['name', 'code'],
  uniqueFields: { departments_code_key: 'code' },
  dependents: [{ table: 'staff', column: 'department_id', label: { en: 'staff', zh: '工作人员' } }],
  search: (q) => ({ where: containsSearch('name', q) }),
  async toColumns(input, { ctx }, existing) {
    const { districtCode, ...columns } = input;
    if (existing && input.code !== undefined && input.code !== existing.code) {
      throw unprocessable(
        'immutable_field',
        `code: a department's code is stable (${String(existing.code)}); change its name instead`,
        `code：部门编码（${String(existing.code)}）不可更改，请修改名称`,
        'code',
      );
    }
    if (districtCode === undefined) return columns;
    const district = areaByCode(ctx, districtCode as string, 'districtCode', ['district']);
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
};
