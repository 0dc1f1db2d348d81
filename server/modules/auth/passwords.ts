import argon2 from 'argon2';
import { DEMO_PASSWORD } from './demo-credentials';

/**
 * argon2id at OWASP's second recommended setting (19 MiB, 2 passes, 1 lane): about 20–30 ms per hash on
 * this class of machine — slow for guessing, fast enough for 1,095 accounts logging in at 8 a.m.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so that timing does not tell which names exist. */
let decoy: Promise<string> | null = null;
export const decoyHash = () => {
  decoy ??= hashPassword('decoy-password-never-used');
  return decoy;
};

/**
 * Rule for a new password: no control characters; at least 10 characters with 3 of 4 classes (lower,
 * upper, digit, other); not containing the username; not the published demo password; not the current one.
 */
export function passwordProblem(
  password: string,
  username: string,
  currentPassword?: string,
): { en: string; zh: string } | null {
  if (/\p{Cc}/u.test(password)) {
    return { en: 'must not contain control characters', zh: '不能包含控制字符' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 10 || classes < 3) {
    return {
      en: 'must have at least 10 characters and 3 of: lower-case, upper-case, digit, other',
      zh: '至少 10 位，且包含小写字母、大写字母、数字、其他符号中的 3 类',
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { en: 'must not contain the username', zh: '不能包含用户名' };
  }
  if (password === DEMO_PASSWORD) {
    return { en: 'must not be the published demo password', zh: '不能使用公开的演示密码' };
  }
  if (currentPassword !== undefined && password === currentPassword) {
    return { en: 'must differ from the current password', zh: '不能与当前密码相同' };
  }
  return null;
}
