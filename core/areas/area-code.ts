// 15-digit area codes: 6-digit GB/T 2260 district + 3-digit street + 3-digit community + 3-digit grid.
// An all-zero part means "not this level"; a part may only be non-zero if every higher part is.

export type AreaLevel = 'district' | 'street' | 'community' | 'grid';

export type ParsedAreaCode =
  | { ok: true; level: AreaLevel; district: string; street: string; community: string; grid: string }
  | { ok: false; reason: string };

const LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid'];
// Length of the significant prefix of a code at each level.
const PREFIX_LENGTH: Record<AreaLevel, number> = { district: 6, street: 9, community: 12, grid: 15 };

export function parseAreaCode(code: string): ParsedAreaCode {
  if (!/^\d{15}$/.test(code)) return { ok: false, reason: 'area code must be exactly 15 digits' };
  const district = code.slice(0, 6);
  if (district.startsWith('0')) return { ok: false, reason: 'district code must not start with 0' };
  const lower = [code.slice(6, 9), code.slice(9, 12), code.slice(12, 15)] as const;

  let depth = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower[i] === '000') continue;
    if (depth !== i) {
      return { ok: false, reason: `${LEVELS[i + 1]} part is set but the ${LEVELS[i]} part is 000` };
    }
    depth = i + 1;
  }
  const [street, community, grid] = lower;
  return { ok: true, level: LEVELS[depth]!, district, street, community, grid };
}

function part(value: number, name: string): string {
  if (!Number.isInteger(value) || value < 0 || value > 999) {
    throw new Error(`areaCode: ${name} must be an integer in 0..999, got ${value}`);
  }
  return String(value).padStart(3, '0');
}

export function areaCode(district: string, street = 0, community = 0, grid = 0): string {
  const code = district + part(street, 'street') + part(community, 'community') + part(grid, 'grid');
  const parsed = parseAreaCode(code);
  if (!parsed.ok) throw new Error(`areaCode: ${parsed.reason} (${code})`);
  return code;
}

/** The code of the enclosing level, or null for a district. Throws on an invalid code. */
export function parentAreaCode(code: string): string | null {
  const parsed = parseAreaCode(code);
  if (!parsed.ok) throw new Error(`parentAreaCode: ${parsed.reason} (${code})`);
  const index = LEVELS.indexOf(parsed.level);
  if (index === 0) return null;
  return code.slice(0, PREFIX_LENGTH[LEVELS[index - 1]!]).padEnd(15, '0');
}

/** True when `code` equals `ancestor` or lies below it. Invalid codes are never within anything. */
export function isWithin(code: string, ancestor: string): boolean {
  const parsedCode = parseAreaCode(code);
  const parsedAncestor = parseAreaCode(ancestor);
  if (!parsedCode.ok || !parsedAncestor.ok) return false;
  const length = PREFIX_LENGTH[parsedAncestor.level];
  return code.slice(0, length) === ancestor.slice(0, length);
}
