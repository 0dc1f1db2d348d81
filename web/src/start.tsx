// Ant Design's styles for the sign-in screen and the app's frame, made at build time (web/build/antd-styles.ts).
import 'virtual:antd/sign-in.css';
import { Spin } from 'antd';
import { lazy, StrictMode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthGate } from './app/AuthGate';
import { AppProviders } from './app/providers';

// The router, the layout and the screens arrive after sign-in: the sign-in page loads only what it shows.
const AppRouter = lazy(() => import('./app/router').then((m) => ({ default: m.AppRouter })));

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

const root = createRoot(container);
// A transition: React renders the app in slices of a few milliseconds, yielding to the browser between them, instead
// of one long task a phone cannot answer a tap during (the boot screen stays until the whole app is ready).
startTransition(() =>
  root.render(
    <StrictMode>
      <AppProviders>
        <AuthGate>
          <Suspense
            fallback={
              <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
                <Spin size="large" />
              </div>
            }
          >
            <AppRouter />
          </Suspense>
        </AuthGate>
      </AppProviders>
    </StrictMode>,
  ),
);
