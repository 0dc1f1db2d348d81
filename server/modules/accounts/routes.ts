import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AccountsDeps } from './deps';
import { accountFileRoutes } from './file-routes';
import { presentAccount } from './present';
import { accountInReach, accountOptions, listAccounts } from './queries';
import {
  AccountId,
  AccountView,
  CreateBody,
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

const tags = ['accounts'];
const read = { policy: { resource: 'accounts', action: 'read' } } as const;
const create = { policy: { resource: 'accounts', action: 'create' } } as const;
const update = { policy: { resource: 'accounts', action: 'update' } } as const;
const Page = Type.Object({
  items: Type.Array(AccountView),
  total: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Account administration: the accounts inside the administrator's area, each action audited. */
export const accountRoutes: FastifyPluginAsyncTypebox<AccountsDeps> = async (app, deps) => {
  const { db } = deps;
  await app.register(accountFileRoutes, deps);

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
