import type { AreaLevel } from '../../../../core/areas/area-code';
import { DomainError, unprocessable } from '../../../lib/errors';
import type { Area, Placement } from '../../areas';
import type { RegistryContext } from '../engine/types';

export const LEVEL_ZH: Record<AreaLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
};

/** The four placement columns of a record placed at a point, an area or a parent. */
export const placementColumns = (p: Placement): Placement => ({
  districtId: p.districtId,
  streetId: p.streetId,
  communityId: p.communityId,
  gridId: p.gridId,
});

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
