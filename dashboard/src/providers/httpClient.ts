import { HttpError, fetchUtils } from 'react-admin';

export const JWT_KEY = 'strapi_jwt';

export interface StrapiErrorBody {
  error?: { status?: number; name?: string; message?: string; details?: unknown };
}

/**
 * fetchJson with the staff token, and Strapi's error envelope read into the HttpError: the message a
 * person understands (often Indonesian, from the server) instead of the bare status text.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = localStorage.getItem(JWT_KEY);
  try {
    return await fetchUtils.fetchJson(url, { ...options, user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined });
  } catch (error) {
    if (error instanceof HttpError) {
      const body = error.body as StrapiErrorBody | undefined;
      if (body?.error?.message) throw new HttpError(body.error.message, error.status, body);
    }
    throw error;
  }
}
