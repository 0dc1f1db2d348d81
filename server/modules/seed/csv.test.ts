import { describe, expect, it } from 'vitest';
import { CsvWriter, csvLine } from './csv';

describe('csv', () => {
  it('encodes every value kind for COPY (FORMAT csv)', () => {
    const line = csvLine([
      1,
      null,
      'a"b',
      '',
      true,
      false,
      1.5,
      Buffer.from([0, 255, 16]),
      ['ab', 'c"d'],
      { k: '中' },
    ]);
    expect(line).toBe('1,,"a""b","",t,f,1.5,\\x00ff10,"{""ab"",""c\\""d""}","{""k"":""中""}"\n');
  });

  it('grows, counts rows and resets on take', () => {
    const writer = new CsvWriter(4);
    for (let i = 0; i < 500; i++) writer.row([i, '黄埔区鱼珠街道', Buffer.alloc(8, i)]);
    expect(writer.rows).toBe(500);
    const text = writer.take();
    expect(text.split('\n')).toHaveLength(501);
    expect(text.startsWith('0,"黄埔区鱼珠街道",\\x0000000000000000\n1,')).toBe(true);
    expect(writer.rows).toBe(0);
    expect(writer.take()).toBe('');
  });

  it('refuses non-finite numbers', () => {
    expect(() => csvLine([Number.NaN])).toThrow();
  });
});
