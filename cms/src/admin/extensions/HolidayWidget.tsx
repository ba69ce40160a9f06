import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { WarningCircle, CheckCircle } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { HolidayOutlook } from '@layanan/config';
import { holidayNotice, type HolidayNotice } from './holidayNotice';

/** On the admin home page: from 1 November, whether next year's holidays and cuti bersama are entered yet. */
export const HolidayWidget = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const [notice, setNotice] = useState<HolidayNotice | 'error' | null>(null);

  useEffect(() => {
    let live = true;
    get<{ data: HolidayOutlook }>('/api/holidays/outlook')
      .then(({ data }) => live && setNotice(holidayNotice(data.data)))
      .catch(() => live && setNotice('error'));
    return () => {
      live = false;
    };
  }, [get]);

  if (notice === null) return null;
  if (notice === 'error') return <Typography textColor="danger600">{formatMessage({ id: 'layanan.holidays.widget.error' })}</Typography>;
  const warning = notice.tone === 'warning';
  const Icon = warning ? WarningCircle : CheckCircle;
  return (
    <Flex gap={3} alignItems="flex-start" padding={4} background={warning ? 'warning100' : 'success100'} hasRadius data-testid="holiday-notice" data-tone={notice.tone}>
      <Icon fill={warning ? 'warning600' : 'success600'} width="2.4rem" height="2.4rem" aria-hidden />
      <Typography variant="omega" textColor={warning ? 'warning700' : 'success700'} fontWeight="semiBold">
        {warning ? notice.text : formatMessage({ id: `layanan.holidays.widget.${notice.message}` }, { year: notice.year })}
      </Typography>
    </Flex>
  );
};
