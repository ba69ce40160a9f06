import { useState } from 'react';
import { useCanAccess, useDataProvider, useLocale, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { LAPOR_STATUSES, type LaporStatus } from '@layanan/config';
import type { Inquiry } from '../types';
import type { LayananDataProvider } from '../providers/dataProvider';
import { formatDateTime, intlLocale } from '../format';
import { useNotifyError } from '../notifyError';
import { eventsKey } from './Timeline';
import { laporMismatch } from './laporStatus';

/**
 * What SP4N-LAPOR! shows for the report, when that was seen, a warning when it does not match our status,
 * and for the officer a select to record what LAPOR! shows now.
 */
export const LaporStatusPanel = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { canAccess } = useCanAccess({ action: 'lapor-status', resource: 'inquiries' });
  const [chosen, setChosen] = useState<LaporStatus | ''>('');
  const record = useMutation({
    mutationFn: (status: LaporStatus) => dataProvider.recordLaporStatus(inquiry.id, status),
    onSuccess: async () => {
      notify('layanan.lapor.status.recorded', { type: 'success' });
      setChosen('');
      await queryClient.invalidateQueries({ queryKey: eventsKey(inquiry.id) });
      refresh();
    },
    onError: notifyError,
  });
  const current = inquiry.laporStatus;
  return (
    <Stack spacing={1} data-testid="lapor-status" data-lapor-status={current ?? ''}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        {current ? <Chip size="small" color="secondary" label={translate(`layanan.laporStatus.${current}`)} /> : <Typography variant="body2">{translate('layanan.lapor.status.none')}</Typography>}
        {current && inquiry.laporStatusAt && (
          <Typography variant="body2" color="text.secondary">
            {translate('layanan.lapor.status.seen', { time: formatDateTime(inquiry.laporStatusAt, locale) })}
          </Typography>
        )}
      </Stack>
      {laporMismatch(inquiry) && (
        <Alert severity="warning" data-testid="lapor-status-mismatch">
          {translate('layanan.lapor.status.mismatch', { lapor: translate(`layanan.laporStatus.${current}`), ours: translate(`layanan.status.${inquiry.status}`) })}
        </Alert>
      )}
      {canAccess && (
        <Stack direction="row" spacing={1} alignItems="center">
          <TextField
            select
            size="small"
            label={translate('layanan.lapor.status.record')}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as LaporStatus)}
            sx={{ minWidth: 200 }}
            inputProps={{ 'data-testid': 'lapor-status-select' }}
          >
            {LAPOR_STATUSES.map((status) => (
              <MenuItem key={status} value={status}>
                {translate(`layanan.laporStatus.${status}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button size="small" variant="outlined" disabled={!chosen || record.isPending} onClick={() => chosen && record.mutate(chosen)}>
            {translate('layanan.lapor.status.save')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
