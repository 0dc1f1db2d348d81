export interface CompressTotals {
  files: number;
  raw: number;
  brotli: number;
  gzip: number;
}
/** Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (and drops stale copies). */
export function compressDir(dir: string): CompressTotals;
