/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, type AuthProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { Layout } from '../../dashboard/src/layout/Layout';
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';

const staff: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getIdentity: async () => ({ id: 7, fullName: 'Agus Santoso' }),
  getPermissions: async () => 'division_staff',
  canAccess: async () => true,
};

/** A screen of the given width, as MUI's media queries see it. */
function screenWidth(px: number) {
  window.matchMedia = ((query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const matches = (!max || px <= Number(max[1])) && (!min || px >= Number(min[1]));
    return { matches, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false };
  }) as typeof window.matchMedia;
}

function renderLayout() {
  return render(
    <MemoryRouter>
      <AdminContext authProvider={staff} i18nProvider={i18nProvider}>
        <Layout>
          <p>isi halaman</p>
        </Layout>
      </AdminContext>
    </MemoryRouter>,
  );
}

describe('the dashboard frame', () => {
  it('keeps the language switch in the app bar on a desk screen, next to the profile in the user menu', async () => {
    screenWidth(1280);
    renderLayout();
    expect(await screen.findByRole('button', { name: 'Bahasa Indonesia' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Profil' }));
    expect(await screen.findByRole('menuitem', { name: 'Profil & Telegram' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'English' })).toBeNull();
  });

  it('moves the language switch into the user menu on a phone, so that the title keeps its room', async () => {
    screenWidth(360);
    renderLayout();
    fireEvent.click(await screen.findByRole('button', { name: 'Profil' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(screen.queryByRole('button', { name: 'Bahasa Indonesia' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Profile' }));
    expect(await screen.findByRole('menuitem', { name: 'Bahasa Indonesia' })).toBeTruthy();
  });
});
