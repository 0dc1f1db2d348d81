// Unified Social Credit Code (统一社会信用代码), GB 32100-2015, which embeds a GB 11714 organisation code.

export type UsccResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'checksum' };

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character over the 8-character organisation code body (digits 0-9, letters A-Z = 10-35). */
function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export function parseUscc(raw: string): UsccResult {
  const value = raw.trim().toUpperCase();
  if (!USCC_PATTERN.test(value)) return { ok: false, reason: 'format' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}

export function makeUscc(
  registrationDept: string,
  orgType: string,
  regionCode: string,
  orgBody: string,
): string {
  const oneChar = /^[0-9A-HJ-NPQRTUWXY]$/;
  if (!oneChar.test(registrationDept))
    throw new Error(`makeUscc: invalid registration dept "${registrationDept}"`);
  if (!oneChar.test(orgType)) throw new Error(`makeUscc: invalid organisation type "${orgType}"`);
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`makeUscc: region code must be 6 digits: "${regionCode}"`);
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(orgBody)) {
    throw new Error(`makeUscc: organisation body must be 8 chars of the USCC charset: "${orgBody}"`);
  }
  const first17 = `${registrationDept}${orgType}${regionCode}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return first17 + usccCheckChar(first17);
}
