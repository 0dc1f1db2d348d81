import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { I18nProvider, useI18n } from '../i18n';
import { ApiError, isUnauthenticated } from '../lib/api-client';

function makeQueryClient() {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended: re-ask who we are, which brings up the sign-in screen.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== 'auth') {
          void client.invalidateQueries({ queryKey: ['auth', 'me'] });
        }
      },
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

const theme = {
  token: { colorPrimary: '#1f5fbf', borderRadius: 6 },
  components: { Layout: { headerBg: '#0f3a75', siderBg: '#ffffff' } },
};

function AntdWithLocale({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // Date pickers name months and weekdays through dayjs, which has its own locale.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
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
