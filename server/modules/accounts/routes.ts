import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AccountsDeps } from './deps';
import { importAccounts } from './import';
import { presentAccount } from './present';
import { accountInReach, accountOptions, allAccounts, listAccounts, loadDepartments } from './queries';
import {
  AccountId,
  AccountView,
  CreateBody,
  ImportBody,
  ImportReport,
  ListQuery,
  Options,
  TemporaryPassword,
  UpdateBody,
} from './schemas';
import {
  auditAccount,
  createAccount,
  resetPassword,
  resetTwoFactor,
  setDisabled,
  updateAccount,
} from './service';
import { exportWorkbook, importTemplate, XLSX_TYPE } from './workbook';

const tags = ['accounts'];
const read = { policy: { resource: 'accounts', action: 'read' } } as const;
const create = { policy: { resource: 'accounts', action: 'create' } } as const;
const update = { policy: { resource: 'accounts', action: 'update' } } as const;
const Page = Type.Object({
  items: Type.Array(AccountView),
  total: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
/** The Chinese file name for browsers, an ASCII one for clients that read only `filename`. */
const xlsx = (name: string, ascii: string) => ({
  'content-type': XLSX_TYPE,
  'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  'cache-control': 'no-store',
});
const stamp = () => new Date().toISOString().slice(0, 10);

/** Account administration: the accounts inside the administrator's area, each action audited. */
export const accountRoutes: FastifyPluginAsyncTypebox<AccountsDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/accounts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Accounts I administer: search, filters, keyset pages by username',
        querystring: ListQuery,
        response: { 200: Page },
      },
    },
    async (req) =>
      db.orm.transaction(async (tx) => {
        const page = await listAccounts(tx, deps, req.actor!, req.query);
        const { cursor: _c, ...filters } = req.query;
        await auditAccount(tx, req.actor!, 'account.list', null, req.id, {
          filters,
          shown: page.items.length,
        });
        return page;
      }),
  );

  app.get(
    '/accounts/options',
    {
      config: read,
      schema: {
        tags,
        summary: 'Roles (with their area level) and departments for the account forms',
        response: { 200: Options },
      },
    },
    async (req) => accountOptions(deps, req.actor!),
  );

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
      return reply.status(status).send(report);
    },
  );

  app.post(
    '/accounts',
    {
      config: create,
      schema: {
        tags,
        summary: 'Create an account with a temporary password (shown once, changed at first sign-in)',
        body: CreateBody,
        response: { 201: Type.Object({ account: AccountView, temporaryPassword: Type.String() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createAccount(deps, req.actor!, req.body, req.id)),
  );

  app.get(
    '/accounts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One account I administer (404 outside my area)',
        params: AccountId,
        response: { 200: AccountView },
      },
    },
    async (req) =>
      db.orm.transaction(async (tx) => {
        const row = await accountInReach(tx, deps, req.actor!, req.params.id);
        await auditAccount(tx, req.actor!, 'account.read', row.id, req.id);
        return presentAccount(row, deps.areas, req.actor!.accountId);
      }),
  );

  app.patch(
    '/accounts/:id',
    {
      config: update,
      schema: {
        tags,
        summary: 'Change display name, role, area (move) or department',
        params: AccountId,
        body: UpdateBody,
        response: { 200: AccountView },
      },
    },
    async (req) => updateAccount(deps, req.actor!, req.params.id, req.body, req.id),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    app.post(
      `/accounts/:id/${path}`,
      {
        config: update,
        schema: {
          tags,
          summary: disabled
            ? 'Disable: every session of the account ends at once'
            : 'Enable a disabled account',
          params: AccountId,
          response: { 200: AccountView },
        },
      },
      async (req) => setDisabled(deps, req.actor!, req.params.id, disabled, req.id),
    );

  app.post(
    '/accounts/:id/reset-password',
    {
      config: update,
      schema: {
        tags,
        summary: 'A temporary password, shown once, to be changed at the next sign-in; sessions end',
        params: AccountId,
        response: { 200: TemporaryPassword },
      },
    },
    async (req) => resetPassword(deps, req.actor!, req.params.id, req.id),
  );

  app.post(
    '/accounts/:id/reset-two-factor',
    {
      config: update,
      schema: {
        tags,
        summary: 'Forget the authenticator (lost phone): the next sign-in enrols a new one; sessions end',
        params: AccountId,
        response: { 200: AccountView },
      },
    },
    async (req) => resetTwoFactor(deps, req.actor!, req.params.id, req.id),
  );
};
