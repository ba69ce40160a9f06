import { HttpError, fetchUtils } from 'react-admin';
import { FIRST_RESPONSES } from '../layout/firstRequests';
import { JWT_KEY } from './sessionKeys';

export { JWT_KEY };

export interface StrapiErrorBody {
  error?: { status?: number; name?: string; message?: string; details?: unknown };
}

type Json = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

/**
 * The response to a GET the staff page's first script already sent for this URL (layout/firstRequests.ts), taken
 * once; null when there is none, or it failed (the request is then sent again, and its error read as usual).
 */
async function firstResponse(url: string, options: fetchUtils.Options): Promise<Json | null> {
  if ((options.method ?? 'GET') !== 'GET') return null;
  const pending = (window as unknown as Record<string, Record<string, Promise<Response>> | undefined>)[FIRST_RESPONSES];
  const sent = pending?.[url];
  if (!sent) return null;
  delete pending[url];
  try {
    const response = await sent;
    if (!response.ok) return null;
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, json: JSON.parse(body) };
  } catch {
    return null;
  }
}

/**
 * fetchJson with the staff token, and Strapi's error envelope read into the HttpError: the message a
 * person understands (often Indonesian, from the server) instead of the bare status text.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const first = await firstResponse(url, options);
  if (first) return first;
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
