import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/providers.tsx';
import { router } from './app/router.tsx';

// A page left open across an upgrade asks for bundles the new build no longer has: load the new
// page instead of failing, once a minute at most (a bundle that is really missing stays an error).
window.addEventListener('vite:preloadError', () => {
  const last = Number(sessionStorage.getItem('hoptac.reloadedAt') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('hoptac.reloadedAt', String(Date.now()));
  window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
