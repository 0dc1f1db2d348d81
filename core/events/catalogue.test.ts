import { describe, expect, it } from 'vitest';
import { DEPARTMENT_REMIT } from '../policy/capabilities';
import {
  CATEGORIES,
  catalogueOf,
  categoriesOfKind,
  EVENT_KINDS,
  type EventCategory,
  findCategory,
  PROBLEM_CATEGORIES,
  refuseCategoryChoice,
  SERVICE_KINDS,
  subCategoriesOf,
  topLevelOf,
} from './catalogue';

// The codes of the demo's departments (server/modules/seed/services.ts, DEPARTMENTS): core may not import
// server code, so the list is copied here and must change with it.
const SEEDED_DEPARTMENTS = [
  'transport',
  'construction',
  'agriculture_landscaping',
  'traffic_police',
  'industry_commerce',
  'health',
  'family_planning',
  'rental_housing',
  'public_security',
  'education',
  'safety_supervision',
  'urban_management',
  'civil_affairs',
  'human_resources',
  'ecology_environment',
];

describe('event catalogue', () => {
  it('has 32 problem and hazard categories, and 23 work-safety sub-categories with hazardous chemicals first', () => {
    expect(PROBLEM_CATEGORIES).toHaveLength(32);
    const workSafety = subCategoriesOf('20');
    expect(workSafety).toHaveLength(23);
    expect(workSafety[0]!.name.zh).toContain('危险化学品');
    expect(topLevelOf('20.05')?.code).toBe('20');
  });

  it('has about twenty service request kinds over about ten departments, the named ones among them', () => {
    expect(SERVICE_KINDS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(SERVICE_KINDS.map((k) => k.leadDepartment)).size).toBeGreaterThanOrEqual(9);
    const names = SERVICE_KINDS.map((k) => k.name.zh);
    for (const named of ['居住证办理', '陪同就医', '退休证年审']) expect(names).toContain(named);
  });

  it('codes are unique, well formed, and a sub-category sits under an existing top level', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CATEGORIES) {
      expect(c.code).toMatch(/^\d{2}(\.\d{2})?$/);
      if (c.parent) expect(findCategory(c.parent)?.parent).toBeNull();
      expect(c.name.zh.length).toBeGreaterThan(0);
      expect(c.name.en.length).toBeGreaterThan(0);
      expect(c.kinds.length).toBeGreaterThan(0);
    }
  });

  it('routes every category to departments the demo has, never the lead twice', () => {
    for (const c of CATEGORIES) {
      for (const dept of [c.leadDepartment, ...c.coDepartments]) {
        expect(SEEDED_DEPARTMENTS, `${c.code} → ${dept}`).toContain(dept);
        expect(Object.keys(DEPARTMENT_REMIT), `${c.code} → ${dept}`).toContain(dept);
      }
      expect(c.coDepartments).not.toContain(c.leadDepartment);
      expect(new Set(c.coDepartments).size).toBe(c.coDepartments.length);
    }
  });

  it('keeps the worked example: a badly placed bus stop goes to transport with three co-operating departments', () => {
    const road = findCategory('11')!;
    expect(road.leadDepartment).toBe('transport');
    expect([...road.coDepartments].sort()).toEqual([
      'agriculture_landscaping',
      'construction',
      'traffic_police',
    ]);
    expect(findCategory('16')?.leadDepartment).toBe('industry_commerce');
  });

  it('marks petitions, domestic violence and mental-health risk as sensitive; fire and typhoons may be emergencies', () => {
    const sensitive = CATEGORIES.filter((c) => c.sensitive).map((c) => c.code);
    expect(sensitive.sort()).toEqual(['24', '25', '26']);
    for (const code of ['19', '20.08', '23', '28']) expect(findCategory(code)?.emergencyPossible).toBe(true);
    expect(findCategory('06')?.emergencyPossible).toBe(false);
  });

  it('lists categories by kind, every kind covered', () => {
    for (const kind of EVENT_KINDS) expect(categoriesOfKind(kind).length).toBeGreaterThan(0);
    expect(categoriesOfKind('service')).toEqual(SERVICE_KINDS);
    expect(categoriesOfKind('dispute').every((c) => c.kinds.includes('dispute'))).toBe(true);
  });

  it('says why a category cannot be chosen', () => {
    expect(refuseCategoryChoice('16', 'hazard')).toBeNull();
    expect(refuseCategoryChoice('20.01', 'hazard')).toBeNull();
    expect(refuseCategoryChoice('20', 'hazard')).toBe('needs_sub_category');
    expect(refuseCategoryChoice('51', 'dispute')).toBe('wrong_kind');
    expect(refuseCategoryChoice('99', 'other')).toBe('unknown');
  });

  it('keeps retired codes readable while refusing them for new events', () => {
    const retired = (c: EventCategory): EventCategory => ({ ...c, retired: true });
    const catalogue = catalogueOf(
      CATEGORIES.map((c) => (c.code === '17' || c.code === '20' ? retired(c) : c)),
    );
    expect(catalogue.find('17')?.name.zh).toBe('学生课外托管');
    expect(catalogue.topLevel('20.03')?.code).toBe('20');
    expect(catalogue.ofKind('hazard').map((c) => c.code)).not.toContain('17');
    expect(catalogue.ofKind('hazard', { includeRetired: true }).map((c) => c.code)).toContain('17');
    expect(catalogue.refuse('17', 'hazard')).toBe('retired');
    expect(catalogue.refuse('20.03', 'hazard')).toBe('retired');
  });
});
