import { useEffect, useState } from 'react';
import type { PublicOffice } from '@layanan/config';

let pending: Promise<PublicOffice | null> | null = null;

/** The Dinas as its profile names it (GET /api/public/office), read once per page load. */
export function loadOffice(): Promise<PublicOffice | null> {
  pending ??= fetch('/api/public/office', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => (body?.data as PublicOffice | undefined) ?? null)
    .catch(() => null);
  return pending;
}

export function useOffice(): PublicOffice | null {
  const [office, setOffice] = useState<PublicOffice | null>(null);
  useEffect(() => {
    let current = true;
    loadOffice().then((value) => current && setOffice(value));
    return () => {
      current = false;
    };
  }, []);
  return office;
}
