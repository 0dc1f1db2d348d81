import { describe, expect, it } from 'vitest';
import { areaCode, isWithin, parentAreaCode, parseAreaCode } from './area-code';

const DISTRICT = '440112000000000';
const STREET = '440112003000000';
const COMMUNITY = '440112003012000';
const GRID = '440112003012007';

describe('parseAreaCode', () => {
  it('parses each level', () => {
    expect(parseAreaCode(DISTRICT)).toEqual({
      ok: true,
      level: 'district',
      district: '440112',
      street: '000',
      community: '000',
      grid: '000',
    });
    expect(parseAreaCode(STREET)).toMatchObject({ ok: true, level: 'street', street: '003' });
    expect(parseAreaCode(COMMUNITY)).toMatchObject({ ok: true, level: 'community', community: '012' });
    expect(parseAreaCode(GRID)).toMatchObject({ ok: true, level: 'grid', grid: '007' });
  });

  it('rejects invalid codes', () => {
    for (const code of ['44011200000000', '4401120000000000', '44011200000000a', '040112000000000']) {
      expect(parseAreaCode(code).ok).toBe(false);
    }
    expect(parseAreaCode('440112000001000').ok).toBe(false); // community without street
    expect(parseAreaCode('440112001000001').ok).toBe(false); // grid without community
    expect(parseAreaCode('440112000000001').ok).toBe(false);
  });
});

describe('areaCode', () => {
  it('builds padded codes', () => {
    expect(areaCode('440112')).toBe(DISTRICT);
    expect(areaCode('440112', 3, 12, 7)).toBe(GRID);
  });

  it('rejects invalid parts', () => {
    expect(() => areaCode('44011', 1)).toThrow();
    expect(() => areaCode('440112', 1000)).toThrow();
    expect(() => areaCode('440112', 0, 1)).toThrow();
  });
});

describe('parentAreaCode', () => {
  it('walks up the tree', () => {
    expect(parentAreaCode(GRID)).toBe(COMMUNITY);
    expect(parentAreaCode(COMMUNITY)).toBe(STREET);
    expect(parentAreaCode(STREET)).toBe(DISTRICT);
    expect(parentAreaCode(DISTRICT)).toBeNull();
    expect(() => parentAreaCode('123')).toThrow();
  });
});

describe('isWithin', () => {
  it('is true for equal codes and descendants only', () => {
    expect(isWithin(GRID, GRID)).toBe(true);
    expect(isWithin(GRID, COMMUNITY)).toBe(true);
    expect(isWithin(GRID, STREET)).toBe(true);
    expect(isWithin(GRID, DISTRICT)).toBe(true);
    expect(isWithin(STREET, GRID)).toBe(false);
    expect(isWithin('440112003013007', COMMUNITY)).toBe(false);
    expect(isWithin('440113003012007', DISTRICT)).toBe(false);
    expect(isWithin('bad', DISTRICT)).toBe(false);
  });
});
