import { requestEarly } from './lib/early-requests';

// Who is signed in decides between the sign-in screen and the app: asked now, while the app's code loads.
requestEarly('/api/v1/auth/me');
// The page's first paint is index.html's boot screen; the app's scripts and styles are fetched after it, so that a
// phone on a slow network sees the product's name at once instead of a blank page (web/src/start.tsx is the app).
requestAnimationFrame(() => setTimeout(() => import('./start')));
