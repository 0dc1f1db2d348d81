import { describe, expect, it } from 'vitest';
import { parsePhone } from './phone';

describe('parsePhone', () => {
  it('normalises mobile numbers', () => {
    for (const raw of [
      '13812345678',
      '138 1234 5678',
      '+8613812345678',
      '+86 138 1234 5678',
      '008613812345678',
      '138-1234-5678',
    ]) {
      expect(parsePhone(raw)).toEqual({ ok: true, value: '13812345678' });
    }
    expect(parsePhone('19912345678')).toEqual({ ok: true, value: '19912345678' });
  });

  it('normalises landlines to AREA-NUMBER', () => {
    expect(parsePhone('020-82212345')).toEqual({ ok: true, value: '020-82212345' });
    expect(parsePhone('02082212345')).toEqual({ ok: true, value: '020-82212345' });
    expect(parsePhone('010 6512 3456')).toEqual({ ok: true, value: '010-65123456' });
    expect(parsePhone('07552345678')).toEqual({ ok: true, value: '0755-2345678' });
    expect(parsePhone('0755-23456789')).toEqual({ ok: true, value: '0755-23456789' });
  });

  it('rejects everything else', () => {
    for (const raw of [
      '',
      '12812345678', // no 12x mobile prefix
      '1381234567',
      '138123456789',
      '+8602082212345',
      '020-0221234', // local numbers do not start with 0
      '011-82212345', // no such area code
      '020--82212345',
      '0755-234567', // too short
      'abc',
    ]) {
      expect(parsePhone(raw)).toEqual({ ok: false });
    }
  });
});
