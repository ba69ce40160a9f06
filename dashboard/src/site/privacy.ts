import { useEffect, useState } from 'react';
import type { PublicPrivacyNotice } from '@layanan/config';

const loaded = new Map<string, Promise<PublicPrivacyNotice | null>>();

/** One version of the privacy notice (the current one without a number), read once per page load. */
export function loadPrivacyNotice(version?: string | null): Promise<PublicPrivacyNotice | null> {
  const key = version ?? '';
  if (!loaded.has(key)) {
    const query = version ? `?versi=${encodeURIComponent(version)}` : '';
    loaded.set(
      key,
      fetch(`/api/public/privacy-notice${query}`, { headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : null))
        .then((body) => (body?.data as PublicPrivacyNotice | undefined) ?? null)
        .catch(() => null),
    );
  }
  return loaded.get(key)!;
}

/** `undefined` while loading, `null` when it cannot be had. */
export function usePrivacyNotice(version?: string | null): PublicPrivacyNotice | null | undefined {
  const [notice, setNotice] = useState<PublicPrivacyNotice | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setNotice(undefined);
    loadPrivacyNotice(version).then((value) => current && setNotice(value));
    return () => {
      current = false;
    };
  }, [version]);
  return notice;
}
