import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET, demoTotpCode } from './demo-credentials';
import { matchTotpStep, newTotpSecret, totpCode, totpStep, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (ASCII) in base32, 8-digit codes.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 appendix B codes (SHA-1)', () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it('six-digit codes are the last six digits of the RFC codes', () => {
    for (const [seconds, code] of RFC_VECTORS)
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });

  it('accepts a code within one step of drift, naming the step it matched', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), now)).toBeNull();
  });

  it('refuses anything but six digits', () => {
    const code = totpCode(RFC_SECRET);
    for (const bad of ['', '12345', '1234567', `${code} `, 'abcdef', `0x${code}`])
      expect(matchTotpStep(RFC_SECRET, bad)).toBeNull();
  });

  it('makes fresh 160-bit secrets and an otpauth URI apps read', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, 'grid001001001'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(a);
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('grid001001001');
  });

  it('the demo secret is valid base32 and its code is the current one', () => {
    expect(DEMO_TOTP_SECRET).toMatch(/^[A-Z2-7]{32}$/);
    expect(matchTotpStep(DEMO_TOTP_SECRET, demoTotpCode())).toBe(totpStep());
  });
});
