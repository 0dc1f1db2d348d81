import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GetResponse, PostBody } from '../../../api/types';
import { apiGet, apiPatch, apiPost, buildUrl, type QueryValue } from '../../../lib/api-client';

export type AccountsPage = GetResponse<'/api/v1/accounts'>;
export type Account = AccountsPage['items'][number];
export type AccountOptions = GetResponse<'/api/v1/accounts/options'>;
export type NewAccount = PostBody<'/api/v1/accounts'>;
export type AccountChange = Partial<Pick<NewAccount, 'displayName' | 'role' | 'areaCode' | 'departmentId'>>;
export interface ImportReport {
  dryRun: boolean;
  rows: {
    row: number;
    username: string;
    problems: { field: string; message: { zh: string; en: string } }[];
  }[];
  valid: number;
  invalid: number;
  created: { username: string; temporaryPassword: string }[];
}

export interface AccountFilters {
  q?: string | undefined;
  role?: string | undefined;
  area?: string | undefined;
  department?: string | undefined;
  disabled?: string | undefined;
}

const key = ['accounts'] as const;

export function useAccounts(filters: AccountFilters, cursor: string | null, limit = 20) {
  return useQuery({
    queryKey: [...key, 'list', filters, cursor, limit],
    queryFn: ({ signal }) =>
      apiGet<AccountsPage>('/accounts', { ...filters, cursor, limit } as Record<string, QueryValue>, signal),
    placeholderData: keepPreviousData,
  });
}

export const exportUrl = (filters: AccountFilters) =>
  buildUrl('/accounts/export', filters as Record<string, QueryValue>);
export const templateUrl = () => buildUrl('/accounts/import-template');

export function useAccount(id: number) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => apiGet<Account>(`/accounts/${id}`, undefined, signal),
  });
}

export function useAccountOptions() {
  return useQuery({
    queryKey: [...key, 'options'],
    queryFn: ({ signal }) => apiGet<AccountOptions>('/accounts/options', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** Every change refreshes the lists and the account shown. */
function useAccountMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export const useCreateAccount = () =>
  useAccountMutation((body: NewAccount) =>
    apiPost<{ account: Account; temporaryPassword: string }>('/accounts', body),
  );

export const useUpdateAccount = (id: number) =>
  useAccountMutation((body: AccountChange) => apiPatch<Account>(`/accounts/${id}`, body));

export const useSetDisabled = (id: number) =>
  useAccountMutation((disabled: boolean) =>
    apiPost<Account>(`/accounts/${id}/${disabled ? 'disable' : 'enable'}`),
  );

export const useResetPassword = (id: number) =>
  useAccountMutation(() => apiPost<{ temporaryPassword: string }>(`/accounts/${id}/reset-password`));

export const useResetTwoFactor = (id: number) =>
  useAccountMutation(() => apiPost<Account>(`/accounts/${id}/reset-two-factor`));

export const useImportAccounts = () =>
  useAccountMutation((body: { file: string; dryRun: boolean }) =>
    apiPost<ImportReport>('/accounts/import', body),
  );
