import { Type } from '@sinclair/typebox';
import { parseUscc } from '../../../../core/validation/uscc';
import { invalidField } from '../../../lib/errors';

export const Uscc = Type.String({
  minLength: 1,
  maxLength: 30,
  description: 'Unified Social Credit Code 统一社会信用代码 (GB 32100, 18 characters); stored upper-case',
});

const USCC_REASONS = {
  format: [
    'must be 18 characters of 0-9 and A-Z except I, O, S, V, Z',
    '应为 18 位，由数字和除 I、O、S、V、Z 外的大写字母组成',
  ],
  checksum: ['check character is wrong (GB 32100)', '校验码错误（GB 32100）'],
} as const;

/** The normalised USCC, or a 400 naming the field that says whether the format or the checksum failed. */
export function checkedUscc(raw: string, field = 'uscc'): string {
  const parsed = parseUscc(raw);
  if (parsed.ok) return parsed.value;
  const [en, zh] = USCC_REASONS[parsed.reason];
  throw invalidField(field, en, zh);
}

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in the district's time zone (China Standard Time), as YYYY-MM-DD. */
export const today = () => DAY.format(new Date());

/** A 400 when a given date lies after today. */
export function notAfterToday(field: string, value: string | null | undefined) {
  if (typeof value === 'string' && value > today()) {
    throw invalidField(field, `${value} is in the future`, `${value} 晚于今天`);
  }
}
