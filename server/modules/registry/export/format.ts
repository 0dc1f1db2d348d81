import { once } from 'node:events';
import type { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | null;

/** Writes rows of one sheet into a stream; `rows` waits while the reader is behind (constant memory). */
export interface SheetWriter {
  header(headings: string[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const drained = async (out: Writable) => {
  if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
};

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * registry text is typed by people, and a CSV opened in Excel must not run it (CSV injection).
 */
const inert = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const s = inert(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so that Excel on Windows reads the Chinese text. */
function csvWriter(out: PassThrough): SheetWriter {
  const line = (cells: Cell[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return {
    async header(headings) {
      out.write(`\uFEFF${line(headings)}`);
    },
    async rows(rows) {
      out.write(rows.map(line).join(''));
      await drained(out);
    },
    async end() {
      out.end();
    },
  };
}

/** exceljs's streaming writer: rows are committed as they come and never held (no shared strings). */
function xlsxWriter(out: PassThrough, sheetName: string): SheetWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(sheetName);
  return {
    async header(headings) {
      sheet.addRow(headings).commit();
    },
    async rows(rows) {
      for (const row of rows) sheet.addRow(row).commit();
      await drained(out);
    },
    async end() {
      sheet.commit();
      await book.commit();
    },
  };
}

export function sheetWriter(format: ExportFormat, out: PassThrough, sheetName: string): SheetWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out, sheetName);
}
