import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { DASHBOARD_BASE } from '@layanan/config';
import { App } from './App';
import { routeOfHashLink } from './legacyLinks';

const hashRoute = routeOfHashLink(window.location.hash);
if (hashRoute) window.history.replaceState(null, '', `${DASHBOARD_BASE}${hashRoute}`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename={DASHBOARD_BASE}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
