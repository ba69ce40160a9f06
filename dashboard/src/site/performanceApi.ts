import type { PublicPerformance, PublicServiceStandard } from '@layanan/config';
import { ApiError } from './siteApi';

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? response.statusText, response.status);
  return body.data as T;
}

/** The SOP's performance, as the Rekap Informasi computes it (GET /api/public/performance). */
export const fetchPerformance = () => read<PublicPerformance>('/api/public/performance');

/** The Standar Pelayanan and Maklumat Pelayanan editors keep (GET /api/public/service-standard). */
export const fetchServiceStandard = () => read<PublicServiceStandard | null>('/api/public/service-standard');

/** A text field editors write one item per line in, as list items. */
export const linesOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
