import { HttpError, type AuthProvider } from 'react-admin';
import { isRoleType } from '@layanan/config';
import type { StaffProfile } from '../types';
import { httpClient } from './httpClient';
import { JWT_KEY, PROFILE_KEY } from './sessionKeys';
import { roleCan } from './access';

export function storedProfile(): StaffProfile | null {
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    return raw ? (JSON.parse(raw) as StaffProfile) : null;
  } catch {
    return null;
  }
}

function forget(): void {
  localStorage.removeItem(JWT_KEY);
  localStorage.removeItem(PROFILE_KEY);
}

/** Staff sign in with users-permissions (`POST /api/auth/local`); their role drives what the dashboard shows. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forget();
    const { json } = await httpClient('/api/auth/local', { method: 'POST', body: JSON.stringify({ identifier: username, password }) });
    localStorage.setItem(JWT_KEY, json.jwt as string);
    try {
      const { json: me } = await httpClient('/api/me');
      const profile = me.data as StaffProfile;
      if (!isRoleType(profile.role) || profile.role === 'public') throw new HttpError('layanan.auth.no_role', 403);
      localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    } catch (error) {
      forget();
      throw error;
    }
  },

  async logout() {
    forget();
  },

  async checkAuth() {
    if (!localStorage.getItem(JWT_KEY) || !storedProfile()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forget();
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const profile = storedProfile();
    if (!profile) throw new Error('ra.auth.auth_check_error');
    return { id: profile.id, fullName: profile.fullName ?? profile.username, division: profile.division, role: profile.role };
  },

  async getPermissions() {
    return storedProfile()?.role ?? null;
  },

  async canAccess({ action, resource }) {
    return roleCan(storedProfile()?.role, action, resource);
  },
};
