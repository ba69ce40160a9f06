import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { Alert, AlertTitle, Link } from '@mui/material';
import { SITE_PAGES, type PublicPrivacyNotice } from '@layanan/config';

/**
 * The privacy notice in the officer's intake form, to read out to a citizen on the telephone or at the counter
 * before their data is written down (UU 27/2022 Pasal 21); the request records the version shown here.
 */
export const IntakePrivacyNotice = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const [notice, setNotice] = useState<PublicPrivacyNotice | null>(null);
  useEffect(() => {
    let current = true;
    fetch('/api/public/privacy-notice', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        const loaded = (body?.data as PublicPrivacyNotice | undefined) ?? null;
        if (!current || !loaded) return;
        setNotice(loaded);
        setValue('privacyNoticeVersion', loaded.version);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [setValue]);
  if (!notice) return null;
  return (
    <Alert severity="info" icon={false} data-testid="intake-privacy" data-version={notice.version} sx={{ width: '100%', maxWidth: 720, boxSizing: 'border-box' }}>
      <AlertTitle>{translate('layanan.intake.privacy_title', { version: notice.version })}</AlertTitle>
      {notice.summary}{' '}
      <Link href={SITE_PAGES.privacy} target="_blank" rel="noopener">
        {translate('layanan.intake.privacy_full')}
      </Link>
    </Alert>
  );
};
