import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { AreaLevel } from '../../../../core/areas/area-code';
import { parsePhone } from '../../../../core/validation/phone';
import { staff } from '../../../db/schema';
import { unprocessable } from '../../../lib/errors';
import { activeParent } from '../engine/read';
import { defineEntity } from '../engine/types';
import { areaByCode, LEVEL_ZH, placementColumns } from './areas';
import { departmentEntity } from './departments';
import { protectPhone } from './personal';
import { AreaCode, bodies, Id, Nullable, OneOf, Output, Text } from './schemas';
import { prefixSearch } from './search';

const ROLES = ['comprehensive_grid_worker', 'safety_grid_worker', 'security'] as const;
export const StaffRole = OneOf(
  ROLES,
  'comprehensive_grid_worker 综合网格员, safety_grid_worker 安全网格员, security 治安/保安员',
);

/** The area levels each role may be assigned to. */
const ROLE_LEVELS: Record<(typeof ROLES)[number], AreaLevel[]> = {
  comprehensive_grid_worker: ['grid'],
  safety_grid_worker: ['grid'],
  security: ['community', 'grid'],
};

const fields = {
  areaCode: AreaCode('The grid (grid workers) or community or grid (security) the person works in'),
  departmentId: Nullable(Id('The functional department the person belongs to, if any')),
  name: Text(50),
  role: StaffRole,
  phone: Nullable(Type.String({ minLength: 1, maxLength: 30, description: 'Stored encrypted' })),
};

/** Grid staff (网格员与治安人员): assigned to a grid or community; their phone is encrypted. */
export const staffEntity = defineEntity({
  path: 'staff',
  entity: 'staff',
  label: { en: 'Staff member', zh: '工作人员' },
  plural: 'staff',
  table: staff,
  personalFields: ['phone'],
  ...bodies(fields, ['areaCode', 'name', 'role']),
  output: Output({
    areaCode: Type.String(),
    departmentId: Type.Union([Type.Integer(), Type.Null()]),
    name: Type.String(),
    role: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Masked' }),
  }),
  metrics: { staff: {} },
  filters: {
    role: { schema: StaffRole, column: 'role' },
    departmentId: { schema: Id(), column: 'departmentId' },
  },
  sortable: ['name'],
  search(q, ctx) {
    const phone = parsePhone(q);
    if (phone.ok) return { where: eq(staff.phoneHmac, ctx.pii.hmac(phone.value)), identity: 'phone' };
    return { where: prefixSearch(staff.name, q), sort: 'name' };
  },
  async toColumns({ input, existing, after }, lookup) {
    const { ctx } = lookup;
    const { areaCode, phone, ...columns } = input;
    let districtId = existing?.districtId;
    if (areaCode !== undefined || input.role !== undefined) {
      const code = areaCode ?? ctx.areas.byIdOrNull(existing?.areaId)?.code ?? '';
      const area = areaByCode(ctx, code, 'areaCode', ['district', 'street', 'community', 'grid']);
      const allowed = ROLE_LEVELS[after.role];
      if (!allowed.includes(area.level)) {
        const field = areaCode !== undefined ? 'areaCode' : 'role';
        throw unprocessable(
          'wrong_area_level',
          `${field}: a ${after.role} must be assigned to a ${allowed.join(' or ')}, and ${code} is a ${area.level}`,
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
    const departmentId = after.departmentId ?? null;
    if (departmentId !== null && (input.departmentId !== undefined || areaCode !== undefined)) {
      const department = await activeParent(lookup, departmentEntity, departmentId, 'departmentId');
      if (department.districtId !== districtId) {
        throw unprocessable(
          'other_district',
          `departmentId: department ${departmentId} belongs to another district than ${areaCode ?? 'the assigned area'}`,
          `departmentId：职能部门 ${departmentId} 不属于该人员所在的区`,
          'departmentId',
        );
      }
    }
    const aad = { table: 'staff', column: 'phone_enc', rowId: lookup.rowId };
    return { ...columns, ...(phone !== undefined && protectPhone(ctx.pii, phone, aad)) };
  },
  present: (row, ctx) => ({
    areaCode: ctx.areas.byIdOrNull(row.areaId)?.code ?? '',
    departmentId: row.departmentId,
    name: row.name,
    role: row.role,
    phone: row.phoneMasked,
  }),
});
