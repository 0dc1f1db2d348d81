import { type BodyEnum, type EntityDescription, valuesOf } from '../description';

const STAFF_ROLES = valuesOf<BodyEnum<'staff', 'role'>>({
  comprehensive_grid_worker: true,
  safety_grid_worker: true,
  security: true,
});

export const departments: EntityDescription<'departments'> = {
  resource: 'departments',
  icon: '⚑',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name', 'code'],
  columns: [
    { key: 'name', label: 'field.departmentName', kind: 'text', width: 240 },
    { key: 'shortName', label: 'field.shortName', kind: 'text', width: 140 },
    { key: 'code', label: 'field.departmentCode', kind: 'text', width: 180 },
  ],
  filters: [],
  detail: [
    { key: 'name', label: 'field.departmentName', kind: 'text', wide: true },
    { key: 'shortName', label: 'field.shortName', kind: 'text' },
    { key: 'code', label: 'field.departmentCode', kind: 'text' },
  ],
  links: [
    { kind: 'list', resource: 'staff', filter: 'departmentId', label: 'link.staffOf', testId: 'link-staff' },
  ],
  form: [
    { key: 'districtCode', label: 'field.area', input: 'area', required: true },
    { key: 'code', label: 'field.departmentCode', input: 'text', required: true, help: 'form.codeHelp' },
    { key: 'name', label: 'field.departmentName', input: 'text', required: true },
    { key: 'shortName', label: 'field.shortName', input: 'text', required: true },
  ],
};

export const staff: EntityDescription<'staff'> = {
  resource: 'staff',
  icon: '☻',
  heading: ['name'],
  search: 'list.searchNames',
  sortable: ['name'],
  columns: [
    { key: 'name', label: 'field.name', kind: 'text', width: 120 },
    { key: 'role', label: 'field.staffRole', kind: 'enum', group: 'staffRole', width: 150 },
    { key: 'phone', label: 'field.phone', kind: 'text', width: 140 },
  ],
  filters: [
    {
      kind: 'enum',
      key: 'role',
      label: 'field.staffRole',
      group: 'staffRole',
      values: STAFF_ROLES,
      testId: 'filter-role',
    },
    { kind: 'parent', key: 'departmentId', resource: 'departments', label: 'list.ofDepartment' },
  ],
  detail: [
    { key: 'name', label: 'field.name', kind: 'text' },
    { key: 'role', label: 'field.staffRole', kind: 'enum', group: 'staffRole' },
    { key: 'phone', label: 'field.phone', kind: 'personal', field: 'phone' },
  ],
  links: [
    {
      kind: 'record',
      resource: 'departments',
      idKey: 'departmentId',
      label: 'link.department',
      testId: 'link-department',
    },
  ],
  form: [
    { key: 'areaCode', label: 'field.area', input: 'area', required: true },
    { key: 'name', label: 'field.name', input: 'text', required: true },
    {
      key: 'role',
      label: 'field.staffRole',
      input: 'enum',
      group: 'staffRole',
      values: STAFF_ROLES,
      required: true,
    },
    { key: 'departmentId', label: 'field.departmentId', input: 'reference', resource: 'departments' },
    { key: 'phone', label: 'field.phone', input: 'text', personal: true },
  ],
};
