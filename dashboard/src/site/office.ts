import { useEffect, useState } from 'react';
import type { PublicOffice, PublicOfficeStatus } from '@layanan/config';

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

/** Open or closed now (GET /api/public/office/status); null until known, or when it cannot be read. */
export function useOfficeStatus(): PublicOfficeStatus | null {
  const [status, setStatus] = useState<PublicOfficeStatus | null>(null);
  useEffect(() => {
    let current = true;
    fetch('/api/public/office/status', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => current && setStatus((body?.data as PublicOfficeStatus | undefined) ?? null))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return status;
}
