import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-credentials';
import { passwordProblem } from './passwords';

describe('new-password rule', () => {
  const ok = 'Much-Stronger-42';

  it('accepts a strong password', () => {
    expect(passwordProblem(ok, 'grid001001001', 'Old-Password-1')).toBeNull();
  });

  it('refuses the published demo password', () => {
    expect(passwordProblem(DEMO_PASSWORD, 'grid001001001')?.en).toMatch(/demo password/);
  });

  it('refuses the current password', () => {
    expect(passwordProblem(ok, 'grid001001001', ok)?.en).toMatch(/differ from the current/);
  });

  it('refuses control characters anywhere (C0, DEL, C1)', () => {
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f'])
      for (const password of [`${c}${ok}`, `Much${c}Stronger-42`, `${ok}${c}`])
        expect(passwordProblem(password, 'x')?.en, JSON.stringify(password)).toMatch(/control characters/);
    // Other Unicode is allowed: a passphrase may hold Chinese characters and spaces.
    expect(passwordProblem('黄埔 网格 Stronger-42', 'x')).toBeNull();
  });

  it('keeps the strength and username rules', () => {
    expect(passwordProblem('short', 'x')?.en).toMatch(/at least 10/);
    expect(passwordProblem('alllowercaseletters', 'x')?.en).toMatch(/3 of/);
    expect(passwordProblem('Grid001001001-x', 'grid001001001')?.en).toMatch(/username/);
  });
});
