import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { expandsWithin } from './zip-limits';

/** A ZIP of one entry of `bytes` spaces, deflated (about a thousand to one). */
async function zipOfSpaces(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', ' '.repeat(bytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('expandsWithin: a ZIP is inflated as a stream and measured, never held', () => {
  it('answers false past the limit, for a file a thousand times smaller than its expansion', async () => {
    const bomb = await zipOfSpaces(50_000_000);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await expandsWithin(bomb, 20_000_000)).toBe(false);
  });

  it('answers true within the limit, and for what is not a ZIP (the reader refuses that itself)', async () => {
    expect(await expandsWithin(await zipOfSpaces(1_000_000), 20_000_000)).toBe(true);
    expect(await expandsWithin(Buffer.from('hello'), 20_000_000)).toBe(true);
  });

  it('counts every entry: many entries each under the limit, together over it', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 5; i++) zip.file(`part${i}.xml`, ' '.repeat(5_000_000));
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await expandsWithin(file, 20_000_000)).toBe(false);
  });
});
