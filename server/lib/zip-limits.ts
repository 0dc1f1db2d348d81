import JSZip from 'jszip';

/**
 * Whether a ZIP (an XLSX is one) expands to no more than `limit` bytes, found by inflating its entries as a stream
 * and stopping at the limit — never holding the expansion. A 2 MB upload can hold 2 GB of repeated XML: the
 * spreadsheet reader held it all (1 GB of memory and 4 s of a blocked process for 800 MB). Sizes the archive declares
 * are not trusted: a crafted file can state any. Not a ZIP at all answers true, for the reader to refuse as such.
 */
export async function expandsWithin(file: Buffer, limit: number): Promise<boolean> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    return true;
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const within = await new Promise<boolean>((resolve) => {
      const stream = entry.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limit) {
            stream.pause();
            resolve(false);
          }
        })
        .on('end', () => resolve(true))
        .on('error', () => resolve(true));
    });
    if (!within) return false;
  }
  return true;
}
