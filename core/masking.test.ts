import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('masks ID numbers keeping only the 6-digit region', () => {
    expect(maskIdNumber('44011219900101123X')).toBe('440112************');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('masks mobiles and landlines', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('020-82212345')).toBe('020-******45');
    expect(maskPhone('07552345678')).toBe('0755-*****78');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('masks names keeping the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王');
    expect(maskName('')).toBe('');
    expect(maskName('𠀋一')).toBe('𠀋*'); // astral-plane characters count as one
  });
});
