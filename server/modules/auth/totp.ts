import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them: HMAC-SHA1, 6 digits,
 * 30-second steps. A code is accepted within ±1 step of the server's clock (drift), and the caller
 * remembers the step it matched so that the same code is never accepted twice.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;
const ISSUER = 'Huangpu Grid';

/** A fresh random secret (160 bits, the RFC's recommended length), in base32 as apps expect it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an authenticator app scans (or accepts pasted). */
export function totpUri(secretBase32: string, username: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secretBase32),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The code of a secret at a time (ms). `digits` other than 6 only for the RFC's test vectors. */
export function totpCode(secretBase32: string, at = Date.now(), digits = TOTP_DIGITS): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    digits,
    period: TOTP_PERIOD_SECONDS,
    timestamp: at,
  });
}

/** The time step a code matches within ±1 step of `at`, or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: at,
    window: DRIFT_STEPS,
  });
  return delta === null ? null : totpStep(at) + delta;
}

/** The time step of a moment: seconds since the epoch divided by the period. */
export const totpStep = (at = Date.now()) => Math.floor(at / 1000 / TOTP_PERIOD_SECONDS);

/** Seconds until the current code changes. */
export const totpSecondsLeft = (at = Date.now()) =>
  TOTP_PERIOD_SECONDS - (Math.floor(at / 1000) % TOTP_PERIOD_SECONDS);
