// The page's first paint is index.html's boot screen; the app's scripts and styles are fetched after it, so that a
// phone on a slow network sees the product's name at once instead of a blank page (web/src/start.tsx is the app).
requestAnimationFrame(() => setTimeout(() => import('./start')));
