import { maskPhone } from '../../../../core/masking';
import { parsePhone } from '../../../../core/validation/phone';
import { invalidField } from '../../../lib/errors';
import type { PiiAad, PiiCipher } from '../../../lib/pii';

/** Phone columns: encrypted value, keyed hash for exact search, masked text for display. */
export function protectPhone(pii: PiiCipher, raw: string | null, aad: PiiAad) {
  if (raw === null) return { phoneEnc: null, phoneHmac: null, phoneMasked: null };
  const parsed = parsePhone(raw);
  if (!parsed.ok) {
    throw invalidField(
      'phone',
      'must be a mainland mobile (11 digits starting 1) or a landline like 020-82212345',
      '应为 11 位手机号或如 020-82212345 的固定电话',
    );
  }
  return {
    phoneEnc: pii.encrypt(parsed.value, aad),
    phoneHmac: pii.hmac(parsed.value),
    phoneMasked: maskPhone(parsed.value),
  };
}
