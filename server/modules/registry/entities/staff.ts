import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { AreaLevel } from '../../../../core/areas/area-code';
import { parsePhone } from '../../../../core/validation/phone';
import { staff } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import type { EntityDefinition } from '../engine/types';
import { activeParent, bodies, CommonOutput, Id, placementColumns, prefixSearch, Text } from './common';
import { AreaCode, areaByCode, LEVEL_ZH } from './departments';
import { protectPhone } from './personal';

export const StaffRole = Type.Union(
  ['comprehensive_grid_worker', 'safety_grid_worker', 'security'].map((v) => Type.Literal(v)),
  {
    description: 'comprehensive_grid_worker 综合网格员, safety_grid_worker 安全网格员, security 治安/保安员',
  },
);
type Role = 'comprehensive_grid_worker' | 'safety_grid_worker' | 'security';

/** The area levels each role may be assigned to. */
const ROLE_LEVELS: Record<Role, AreaLevel[]> = {
  comprehensive_grid_worker: ['grid'],
  safety_grid_worker: ['grid'],
  security: ['community', 'grid'],
};

const fields = {
  areaCode: AreaCode('The grid (grid workers) or community or grid (security) the person works in'),
  departmentId: Type.Union([Id('The functional department the person belongs to, if any'), Type.Null()]),
  name: Text(50),
  role: StaffRole,
  phone: Type.Union([
    Type.String({ minLength: 1, maxLength: 30, description: 'Stored encrypted' }),
    Type.Null(),
  ]),
};

/** Grid staff (网格员与治安人员): assigned to a grid or community; their phone is encrypted. */
export const staffEntity: EntityDefinition = {
  path: 'staff',
  entity: 'staff',
  label: { en: 'Staff member', zh: '工作人员' },
  table: staff,
  personalFields: ['phone'],
  ...bodies(fields, ['areaCode', 'name', 'role']),
  output: Type.Object({
    ...CommonOutput,
    areaCode: Type.String(),
    departmentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String(),
    role: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked' }),
  }),
  filters: {
    role: { schema: StaffRole, column: 'role' },
    departmentId: { schema: Id(), column: 'departmentId' },
  },
  sortable: ['name'],
  search(q, ctx) {
    const phone = parsePhone(q);
    if (phone.ok) return { where: eq(staff.phoneHmac, ctx.pii.hmac(phone.value)), identity: 'phone' };
    return { where: prefixSearch('name', q), sort: 'name' };
  },
  async toColumns(input, lookup, existing) {
    const { ctx } = lookup;
    const { areaCode, phone, ...columns } = input;
    let districtId = existing?.districtId as number;
    if (areaCode !== undefined || input.role !== undefined) {
      const role = (input.role ?? existing?.role) as Role;
      const code = (areaCode ?? ctx.areas.byIdOrNull(existing?.areaId as number)?.code) as string;
      const area = areaByCode(ctx, code, 'areaCode', ['district', 'street', 'community', 'grid']);
      const allowed = ROLE_LEVELS[role];
      if (!allowed.includes(area.level)) {
        const field = areaCode !== undefined ? 'areaCode' : 'role';
        throw unprocessable(
          'wrong_area_level',
          `${field}: a ${role} must be assigned to a ${allowed.join(' or ')}, and ${code} is a ${area.level}`,
          `${field}：该角色应分配到${allowed.map((l) => LEVEL_ZH[l]).join('或')}，而 ${code} 是${LEVEL_ZH[area.level]}`,
          field,
        );
      }
      if (areaCode !== undefined) {
        const placement = ctx.areas.placementOf(area);
        Object.assign(columns, { areaId: area.id, ...placementColumns(placement) });
        districtId = placement.districtId;
      }
    }
    const departmentId = (input.departmentId !== undefined ? input.departmentId : existing?.departmentId) as
      | number
      | null;
    if (departmentId != null && (input.departmentId !== undefined || areaCode !== undefined)) {
      const label = { en: 'department', zh: '职能部门' };
      const department = await activeParent(lookup, 'departments', departmentId, 'departmentId', label);
      if (department.districtId !== districtId) {
        throw unprocessable(
          'other_district',
          `departmentId: department ${departmentId} belongs to another district than ${areaCode ?? 'the assigned area'}`,
          `departmentId：职能部门 ${departmentId} 不属于该人员所在的区`,
          'departmentId',
        );
      }
    }
    if (phone !== undefined)
      Object.assign(
        columns,
        protectPhone(ctx.pii, phone as string | null, {
          table: 'staff',
          column: 'phone_enc',
          rowId: lookup.rowId,
        }),
      );
    return columns;
  },
  present: (row, ctx) => ({
    areaCode: ctx.areas.byIdOrNull(row.areaId as number)?.code ?? '',
    departmentId: row.departmentId,
    name: row.name,
    role: row.role,
    phone: row.phoneMasked,
  }),
};
