import type { RoleType } from '@layanan/config';
import { API_URL, listQueryString } from '../providers/strapiQuery';
import { QUEUE_LIST } from '../queue/queueList';

/**
 * The API request each role's first screen cannot show anything without. The staff page's first script
 * (vite.config.ts) sends it beside the app's own script, so that on a slow line the answer is there when the app
 * has loaded instead of being asked for a round trip after; httpClient takes it up once.
 */
export const FIRST_REQUESTS: Partial<Record<RoleType, string[]>> = {
  division_staff: [`${API_URL}/inquiries?${listQueryString('inquiries', QUEUE_LIST)}`],
};

/** Where the staff page's first script leaves those requests' responses, by URL. */
export const FIRST_RESPONSES = 'layananFirstResponses';
