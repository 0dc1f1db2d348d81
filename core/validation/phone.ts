// Mainland China phone numbers: mobiles and fixed lines.

export type PhoneResult = { ok: true; value: string } | { ok: false };

const MOBILE = /^1[3-9]\d{9}$/;
// Mainland area codes are 010 and 020-029 (3 chars) or 0 followed by 3 digits starting 3-9 (4 chars), so
// an undashed landline splits unambiguously. Local numbers are 7-8 digits and never start with 0 or 1.
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})-?([2-9]\d{6,7})$/;

/** Normalises to 11 digits (mobile) or 'AREA-NUMBER' (landline). */
export function parsePhone(raw: string): PhoneResult {
  const compact = raw.replace(/\s+/g, '');

  // Mobiles are also accepted with dashes (138-1234-5678) and an international prefix.
  const mobile = compact.replace(/-/g, '').replace(/^(?:\+86|0086)/, '');
  if (MOBILE.test(mobile)) return { ok: true, value: mobile };

  const landline = LANDLINE.exec(compact);
  if (landline) return { ok: true, value: `${landline[1]}-${landline[2]}` };
  return { ok: false };
}
