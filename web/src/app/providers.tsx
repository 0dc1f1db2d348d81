import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { I18nProvider, useI18n } from '../i18n';
import { ApiError, isSessionExpired, isUnauthenticated } from '../lib/api-client';
import { theme } from './theme';

function makeQueryClient() {
  // A 401 anywhere means the session ended: re-ask who we are, which brings up the sign-in screen (at the same
  // URL, so signing in again returns to it).
  const onError = (error: unknown, key: readonly unknown[] | undefined) => {
    if (isUnauthenticated(error) && key?.[0] !== 'auth') {
      void client.invalidateQueries({ queryKey: ['auth', 'me'] });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    // A refused sign-in is a 401 too: only a session this tab had (see api-client) counts as ended.
    mutationCache: new MutationCache({
      onError: (error) => isSessionExpired() && onError(error, undefined),
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx is an answer, not a hiccup: show it at once instead of retrying.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  return client;
}

const runtimeTheme = { ...theme, zeroRuntime: true };

function AntdWithLocale({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // Date pickers name months and weekdays through dayjs, which has its own locale.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={runtimeTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdWithLocale>{children}</AntdWithLocale>
      </I18nProvider>
    </QueryClientProvider>
  );
}
