import type { Static } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/policy/roles';
import { execRows } from '../../db/client';
import { conflict, invalidField } from '../../lib/errors';
import { expandsWithin } from '../../lib/zip-limits';
import { type Actor, hashPassword } from '../auth';
import { checkAssignment, type Department, type Problem } from './assignment';
import type { AccountsDeps } from './deps';
import { loadDepartments } from './queries';
import { Reach } from './reach';
import type { ImportReport } from './schemas';
import { auditAccount } from './service';
import { temporaryPassword } from './temporary-password';
import { IMPORT_HEADERS, readSheet, type SheetRow } from './workbook';

const MAX_ROWS = 2_000;
// 2,000 rows of the template take about 0.5 MB of sheet XML: anything far larger is not an account list.
const MAX_UNZIPPED_BYTES = 20_000_000;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

interface CheckedRow {
  row: number;
  username: string;
  displayName: string;
  role: Role | null;
  areaIds: number[];
  departmentId: number | null;
  problems: Problem[];
}

const problem = (field: string, zh: string, en: string): Problem => ({ field, message: { zh, en } });

function roleOf(text: string): Role | null {
  return ROLES.find((r) => r === text || ROLE_LABELS[r].zh === text || ROLE_LABELS[r].en === text) ?? null;
}

function departmentOf(text: string, departments: Map<number, Department>): number | undefined {
  if (!text) return undefined;
  for (const d of departments.values()) if (d.code === text || d.name === text) return d.id;
  return -1;
}

/** Every row's problems, before anything is written: format, duplicates in the file and in the database, placement. */
async function checkRows(deps: AccountsDeps, actor: Actor, rows: SheetRow[]): Promise<CheckedRow[]> {
  const departments = await loadDepartments(deps.db.orm);
  const reach = Reach.of(actor, deps.areas);
  const names = rows.map((r) => r.cells[0] ?? '');
  const taken = new Set(
    (
      await deps.db.query<{ username: string }>(
        'SELECT username FROM accounts WHERE username = ANY($1::text[])',
        [names.filter((n) => USERNAME.test(n))],
      )
    ).map((r) => r.username),
  );
  const seen = new Map<string, number>();
  return rows.map(({ row, cells }) => {
    const [username = '', displayName = '', roleText = '', areaCode = '', departmentText = ''] = cells;
    const problems: Problem[] = [];
    if (!USERNAME.test(username))
      problems.push(problem('用户名', '须为 3–32 位小写字母、数字或 . _ -', 'must be 3–32 of a-z 0-9 . _ -'));
    else if (taken.has(username))
      problems.push(problem('用户名', `${username} 已被使用`, `${username} is already taken`));
    else if (seen.has(username))
      problems.push(
        problem('用户名', `与第 ${seen.get(username)} 行重复`, `repeats row ${seen.get(username)}`),
      );
    seen.set(username, seen.get(username) ?? row);
    if (!displayName || displayName.length > 40 || /\p{Cc}/u.test(displayName))
      problems.push(problem('姓名', '必填，最多 40 个字', 'required, at most 40 characters'));
    const role = roleOf(roleText);
    let areaIds: number[] = [];
    let departmentId: number | null = null;
    if (!role) problems.push(problem('角色', `没有角色“${roleText}”`, `no role "${roleText}"`));
    else {
      const placed = checkAssignment(
        { role, areaCode: areaCode || undefined, departmentId: departmentOf(departmentText, departments) },
        deps.areas,
        reach,
        departments,
      );
      const column = { areaCode: '区域编码', departmentId: '部门', role: '角色' } as Record<string, string>;
      problems.push(...placed.problems.map((p) => ({ ...p, field: column[p.field] ?? p.field })));
      ({ areaIds, departmentId } = placed);
    }
    return { row, username, displayName, role, areaIds, departmentId, problems };
  });
}

/**
 * Bulk creation from the import sheet: a dry run reports every row's problems and writes nothing; the real
 * import checks again and creates every account in one transaction, or none (422 with the report).
 */
export async function importAccounts(
  deps: AccountsDeps,
  actor: Actor,
  input: { file: string; dryRun: boolean },
  requestId: string,
): Promise<{ status: 200 | 422; report: Static<typeof ImportReport> }> {
  const file = Buffer.from(input.file, 'base64');
  if (!(await expandsWithin(file, MAX_UNZIPPED_BYTES)))
    throw invalidField(
      'file',
      `expands to more than ${MAX_UNZIPPED_BYTES / 1e6} MB: not an account list; use the downloaded template`,
      `解压后超过 ${MAX_UNZIPPED_BYTES / 1e6} MB，不是账号表，请使用下载的模板`,
    );
  const sheet = await readSheet(file);
  if (!sheet) throw invalidField('file', 'is not an XLSX workbook', '不是 XLSX 工作簿，请使用下载的模板');
  const missing = IMPORT_HEADERS.filter((h, i) => sheet.headers[i] !== h);
  if (missing.length)
    throw invalidField(
      'file',
      `the first row must be the template's headers (${IMPORT_HEADERS.join(', ')})`,
      `第一行须为模板的表头（${IMPORT_HEADERS.join('、')}），缺少或错位：${missing.join('、')}`,
    );
  if (sheet.rows.length === 0)
    throw invalidField('file', 'has no rows below the headers', '表头下没有数据行');
  if (sheet.rows.length > MAX_ROWS)
    throw invalidField('file', `has more than ${MAX_ROWS} rows`, `超过 ${MAX_ROWS} 行，请分批导入`);
  const checked = await checkRows(deps, actor, sheet.rows);
  const invalid = checked.filter((r) => r.problems.length).length;
  const report = (created: { username: string; temporaryPassword: string }[]) => ({
    dryRun: input.dryRun,
    rows: checked.map((r) => ({ row: r.row, username: r.username, problems: r.problems })),
    valid: checked.length - invalid,
    invalid,
    created,
  });
  if (input.dryRun || invalid) {
    await deps.db.orm.transaction((tx) =>
      auditAccount(
        tx,
        actor,
        input.dryRun ? 'account.import_check' : 'account.import_refused',
        null,
        requestId,
        {
          rows: checked.length,
          invalid,
        },
      ),
    );
    return { status: input.dryRun ? 200 : 422, report: report([]) };
  }
  const passwords = checked.map(() => temporaryPassword());
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 8)
    hashes.push(...(await Promise.all(passwords.slice(i, i + 8).map(hashPassword))));
  await deps.db.orm.transaction(async (tx) => {
    for (const [i, r] of checked.entries()) {
      const [row] = await execRows<{ id: number }>(
        tx,
        sql`INSERT INTO accounts (username, display_name, password_hash, role, area_ids, department_id, password_must_change)
            VALUES (${r.username}, ${r.displayName}, ${hashes[i]!}, ${r.role!}, ${`{${r.areaIds.join(',')}}`}::int[],
                    ${r.departmentId}, true)
            ON CONFLICT (username) DO NOTHING RETURNING id`,
      );
      if (!row)
        throw conflict(
          'username_taken',
          `row ${r.row}: username ${r.username} was just taken`,
          `第 ${r.row} 行：用户名 ${r.username} 刚被占用，请重新检查`,
          'file',
        );
      await auditAccount(tx, actor, 'account.create', Number(row.id), requestId, {
        username: r.username,
        role: r.role,
        areaIds: r.areaIds,
        departmentId: r.departmentId,
        via: 'import',
      });
    }
    await auditAccount(tx, actor, 'account.import', null, requestId, {
      rows: checked.length,
      usernames: checked.map((r) => r.username),
    });
  });
  return {
    status: 200,
    report: report(checked.map((r, i) => ({ username: r.username, temporaryPassword: passwords[i]! }))),
  };
}
