import { ROLE_AREA_LEVEL, ROLE_LABELS, type Role } from '../../../core/policy/roles';
import type { AreaDirectory } from '../areas';
import type { Reach } from './reach';

export interface Problem {
  field: string;
  message: { zh: string; en: string };
}

export interface Department {
  id: number;
  code: string;
  name: string;
}

const LEVEL_ZH = { district: '区', street: '街道', community: '社区', grid: '网格' } as const;

/** Where an account of a role is placed: its area (per ROLE_AREA_LEVEL) or its department. */
export interface Assignment {
  role: Role;
  areaCode?: string | undefined;
  departmentId?: number | undefined;
}

/**
 * Checks that a role, area and department fit together and lie within the administrator's reach: an
 * area-bound role needs an area of its level inside the reach, department staff a department, and roles
 * without an area only a district-wide administrator may give. Every problem is named by its field.
 */
export function checkAssignment(
  input: Assignment,
  areas: AreaDirectory,
  reach: Reach,
  departments: ReadonlyMap<number, Department>,
): { problems: Problem[]; areaIds: number[]; departmentId: number | null } {
  const problems: Problem[] = [];
  const level = ROLE_AREA_LEVEL[input.role];
  let areaIds: number[] = [];
  let departmentId: number | null = null;
  const label = ROLE_LABELS[input.role];
  if (level) {
    const area = input.areaCode ? (areas.areas.find((a) => a.code === input.areaCode) ?? null) : null;
    if (!input.areaCode)
      problems.push({
        field: 'areaCode',
        message: {
          en: `a ${label.en} needs an area of level ${level}`,
          zh: `${label.zh}需要选择所属${LEVEL_ZH[level]}`,
        },
      });
    else if (!area || !reach.containsArea(area))
      problems.push({
        field: 'areaCode',
        message: {
          en: `no area ${input.areaCode} within your administration`,
          zh: `您管理的范围内没有区域 ${input.areaCode}`,
        },
      });
    else if (area.level !== level)
      problems.push({
        field: 'areaCode',
        message: {
          en: `a ${label.en} is placed at a ${level}, not a ${area.level}`,
          zh: `${label.zh}应属于某个${LEVEL_ZH[level]}，而不是${LEVEL_ZH[area.level]}`,
        },
      });
    else areaIds = [area.id];
  } else if (input.areaCode) {
    problems.push({
      field: 'areaCode',
      message: { en: `a ${label.en} has no area`, zh: `${label.zh}不属于任何区域` },
    });
  } else if (!reach.districtWide) {
    problems.push({
      field: 'role',
      message: {
        en: `only a district-wide administrator gives the role ${label.en}`,
        zh: `只有全区管理员可以设置“${label.zh}”角色`,
      },
    });
  }
  if (input.role === 'department_staff') {
    const department = input.departmentId ? departments.get(input.departmentId) : undefined;
    if (!department)
      problems.push({
        field: 'departmentId',
        message: input.departmentId
          ? { en: 'no such department', zh: '没有这个部门' }
          : { en: 'department staff need a department', zh: '职能部门人员需要选择所属部门' },
      });
    else departmentId = department.id;
  } else if (input.departmentId) {
    problems.push({
      field: 'departmentId',
      message: {
        en: `only department staff belong to a department, not a ${label.en}`,
        zh: `只有职能部门人员属于部门，${label.zh}不属于`,
      },
    });
  }
  return { problems, areaIds, departmentId };
}
