/** The district's account roles: who works in the system (their Chinese names are in ROLE_LABELS below). */
export const ROLES = [
  'admin',
  'district_leader',
  'district_centre',
  'street_staff',
  'community_staff',
  'grid_worker',
  'department_staff',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** The area level an account of each role is bound to; department staff and auditors see by remit, not area. */
export const ROLE_AREA_LEVEL: Record<Role, 'district' | 'street' | 'community' | 'grid' | null> = {
  admin: 'district',
  district_leader: 'district',
  district_centre: 'district',
  street_staff: 'street',
  community_staff: 'community',
  grid_worker: 'grid',
  department_staff: null,
  auditor: null,
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  district_leader: { zh: '区领导', en: 'District leader' },
  district_centre: { zh: '区三化办（分流中心）', en: 'District centre' },
  street_staff: { zh: '街道三化办', en: 'Street centre' },
  community_staff: { zh: '社区工作人员', en: 'Community staff' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  department_staff: { zh: '职能部门', en: 'Department staff' },
  auditor: { zh: '审计员', en: 'Auditor' },
};
