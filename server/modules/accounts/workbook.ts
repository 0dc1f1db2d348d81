import ExcelJS from 'exceljs';
import { ROLE_AREA_LEVEL, ROLE_LABELS, ROLES } from '../../../core/policy/roles';
import type { Department } from './assignment';
import type { AccountView } from './present';

/** The import columns, in order; an export starts with the same five so that it can be edited and re-imported. */
export const IMPORT_HEADERS = ['用户名', '姓名', '角色', '区域编码', '部门'] as const;
const EXPORT_HEADERS = [...IMPORT_HEADERS, '区域名称', '创建时间', '最近登录', '状态', '双因素登录'];
const LEVEL_ZH = { district: '区', street: '街道', community: '社区', grid: '网格' } as const;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

function headerRow(ws: ExcelJS.Worksheet, headers: readonly string[], widths: number[]) {
  ws.addRow([...headers]).font = { bold: true };
  headers.forEach((_h, i) => {
    ws.getColumn(i + 1).width = widths[i] ?? 16;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** An empty sheet with the import headers and an example row, and a sheet naming the allowed values. */
export async function importTemplate(departments: Department[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  headerRow(ws, IMPORT_HEADERS, [20, 14, 18, 20, 18]);
  ws.getColumn(4).numFmt = '@';
  ws.addRow(['grid009001099', '张三', '网格员', '440112009001099', '']);
  const help = wb.addWorksheet('填写说明');
  help.addRow([
    '每行一个新账号；用户名 3–32 位小写字母、数字或 . _ -；导入先检查全部行，全部无误才一起创建。',
  ]);
  help.addRow(['每个新账号获得一次性临时密码（导入完成时显示一次），首次登录时必须修改。']);
  help.addRow([]);
  help.addRow(['角色', '需要的区域级别', '说明']).font = { bold: true };
  for (const role of ROLES) {
    const level = ROLE_AREA_LEVEL[role];
    help.addRow([
      ROLE_LABELS[role].zh,
      level ? LEVEL_ZH[level] : '无（不填区域编码）',
      role === 'department_staff' ? '填写部门名称或代码' : '',
    ]);
  }
  help.addRow([]);
  help.addRow(['部门名称', '部门代码']).font = { bold: true };
  for (const d of departments) help.addRow([d.name, d.code]);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 22;
  return toBuffer(wb);
}

export async function exportWorkbook(accounts: AccountView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  headerRow(ws, EXPORT_HEADERS, [20, 14, 18, 20, 18, 22, 20, 20, 8, 10]);
  ws.getColumn(4).numFmt = '@';
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
  for (const a of accounts) {
    ws.addRow([
      a.username,
      a.displayName,
      a.roleLabel.zh,
      a.areas.map((x) => x.code).join(','),
      a.department?.name ?? '',
      a.areas.map((x) => x.name).join(','),
      when(a.createdAt),
      when(a.lastLoginAt),
      a.disabledAt ? '已停用' : '正常',
      a.totpEnrolled ? '已设置' : '未设置',
    ]);
  }
  return toBuffer(wb);
}

export interface SheetRow {
  row: number;
  cells: string[];
}

/** The first sheet's rows below the header, as text; or the reason the file cannot be read. */
export async function readSheet(file: Buffer): Promise<{ headers: string[]; rows: SheetRow[] } | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const text = (r: ExcelJS.Row, i: number) => r.getCell(i).text.normalize('NFC').trim();
  const headers = IMPORT_HEADERS.map((_h, i) => text(ws.getRow(1), i + 1));
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = IMPORT_HEADERS.map((_h, i) => text(r, i + 1));
    if (cells.some(Boolean)) rows.push({ row: n, cells });
  });
  return { headers, rows };
}
