import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLanguage } from '../../lib/http-errors';
import type { AccountsDeps } from './deps';
import { importAccounts } from './import';
import { allAccounts, loadDepartments } from './queries';
import { ImportBody, ImportReport, ListQuery } from './schemas';
import { auditAccount } from './service';
import { exportWorkbook, importTemplate, XLSX_TYPE } from './workbook';

const tags = ['accounts'];
const create = { policy: { resource: 'accounts', action: 'create' } } as const;
/** The Chinese file name for browsers, an ASCII one for clients that read only `filename`. */
const xlsx = (name: string, ascii: string) => ({
  'content-type': XLSX_TYPE,
  'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  'cache-control': 'no-store',
});
const stamp = () => new Date().toISOString().slice(0, 10);

/** Accounts in bulk: XLSX export of the list's filters, the import template, and the import (dry run first). */
export const accountFileRoutes: FastifyPluginAsyncTypebox<AccountsDeps> = async (app, deps) => {
  const { db } = deps;
  app.get(
    '/accounts/export',
    {
      config: { policy: { resource: 'accounts', action: 'export' } },
      schema: {
        tags,
        summary: 'The matching accounts as XLSX (same filters as the list)',
        querystring: Type.Omit(ListQuery, ['limit', 'cursor']),
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const file = await db.orm.transaction(async (tx) => {
        const accounts = await allAccounts(tx, deps, req.actor!, req.query);
        await auditAccount(tx, req.actor!, 'account.export', null, req.id, {
          filters: req.query,
          rows: accounts.length,
        });
        return exportWorkbook(accounts);
      });
      return reply.headers(xlsx(`账号-${stamp()}.xlsx`, `accounts-${stamp()}.xlsx`)).send(file);
    },
  );

  app.get(
    '/accounts/import-template',
    {
      config: create,
      schema: {
        tags,
        summary: 'The XLSX import template (Chinese headers, allowed roles and departments)',
        produces: [XLSX_TYPE],
      },
    },
    async (_req, reply) => {
      const departments = [...(await loadDepartments(db.orm)).values()];
      return reply
        .headers(xlsx('账号导入模板.xlsx', 'accounts-import-template.xlsx'))
        .send(await importTemplate(departments));
    },
  );

  app.post(
    '/accounts/import',
    {
      config: create,
      bodyLimit: 2_000_000,
      schema: {
        tags,
        summary: 'Import accounts from XLSX: dry run reports every row; the import creates all or none',
        body: ImportBody,
        response: { 200: ImportReport, 422: ImportReport },
      },
    },
    async (req, reply) => {
      const { status, report } = await importAccounts(deps, req.actor!, req.body, req.id);
      if (status === 200) return report;
      const message =
        requestLanguage(req) === 'en'
          ? `${report.invalid} rows have problems: nothing was imported; check the file again`
          : `有 ${report.invalid} 行存在问题，未导入任何账号，请重新检查文件`;
      return reply.status(422).send({ ...report, code: 'import_has_problems', message });
    },
  );
};
