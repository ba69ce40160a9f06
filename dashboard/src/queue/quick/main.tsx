/** @jsxImportSource preact */
import { render } from 'preact';
import { DASHBOARD_BASE } from '@layanan/config';
import { JWT_KEY, PROFILE_KEY } from '../../providers/sessionKeys';
import { QuickQueue } from './QuickQueue';
import { storedLocale, translator } from './translate';
import './quickQueue.css';

/**
 * /dashboard/antrean: a Bidang's staff member who is signed in gets the quick queue at once; anyone else (no one
 * signed in, another role) gets the staff app, which this page then loads. The staff app also takes over when
 * the quick queue is asked for anything more: a request's page, the full dashboard.
 */
const container = document.getElementById('quick-queue')!;

function signedInDivision(): string | null {
  try {
    const profile = JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') as { role?: string; division?: { name?: string } | null } | null;
    return localStorage.getItem(JWT_KEY) && profile?.role === 'division_staff' ? (profile.division?.name ?? '') : null;
  } catch {
    return null;
  }
}

async function openStaffApp(path?: string): Promise<void> {
  await import('../../main');
  if (path) window.history.pushState(null, '', `${DASHBOARD_BASE}${path}`);
  render(null, container);
  container.remove();
  // The staff app's router reads the address when it starts; a later change is announced as the browser would.
  if (path) window.dispatchEvent(new PopStateEvent('popstate'));
}

const division = signedInDivision();
if (division === null || window.location.hash) void openStaffApp();
else {
  const locale = storedLocale();
  document.documentElement.lang = locale;
  render(<QuickQueue t={translator(locale)} locale={locale} division={division} openStaffApp={openStaffApp} />, container);
}
