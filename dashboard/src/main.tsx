import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { DASHBOARD_BASE } from '@layanan/config';
import { App } from './App';
import { routeOfHashLink } from './legacyLinks';
import { storedProfile } from './providers/authProvider';
import { preloadHomeScreen } from './layout/homeScreens';

preloadHomeScreen(storedProfile()?.role);

const hashRoute = routeOfHashLink(window.location.hash);
if (hashRoute) window.history.replaceState(null, '', `${DASHBOARD_BASE}${hashRoute}`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename={DASHBOARD_BASE}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
