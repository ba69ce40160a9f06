import { Title, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { CHANNEL_ADVICE } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { HealthReport, HealthState } from '../types';
import { formatDateTime, intlLocale } from '../format';

const POLL_MS = 60_000;
const STATE_COLOUR: Record<string, 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  ok: 'success',
  degraded: 'warning',
  down: 'error',
  terganggu: 'warning',
  mati: 'error',
  diam: 'info',
  belum_diatur: 'default',
};

/**
 * The server's health as /api/health/details reports it, for the officers and leadership: the database, the
 * minute's sweep, the outbox, the last backup, and each channel with its last message in, last good contact
 * and last error (in Indonesian, secrets already taken out). Read again every minute.
 */
const HealthPage = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { data, error } = useQuery<HealthReport>({
    queryKey: ['health', 'details'],
    queryFn: ({ signal }) => dataProvider.getHealthDetails(signal),
    refetchInterval: POLL_MS,
  });
  const when = (value: string | null) => (value ? formatDateTime(value, locale) : translate('layanan.health.never'));
  const chip = (state: string, label: string) => <Chip size="small" color={STATE_COLOUR[state] ?? 'default'} label={label} data-state={state} />;
  const overall = (state: HealthState) => translate(`layanan.health.state.${state}`);

  return (
    <Box sx={{ py: 2, maxWidth: 1100, minWidth: 0 }} data-testid="health-page">
      <Title title={translate('layanan.health.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('layanan.health.title')}
      </Typography>
      {error && <Alert severity="error">{translate('layanan.health.unavailable')}</Alert>}
      {data && (
        <Stack spacing={2}>
          <Alert severity={data.status === 'ok' ? 'success' : data.status === 'degraded' ? 'warning' : 'error'} data-testid="health-status" data-status={data.status}>
            {translate(`layanan.health.summary.${data.status}`, { time: formatDateTime(data.checkedAt, locale) })}
          </Alert>
          <Card variant="outlined">
            <CardContent>
              <Stack spacing={1}>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ xs: 'flex-start', sm: 'center' }}>
                  {chip(data.checks.database.state, overall(data.checks.database.state))}
                  <Typography variant="body2">{translate('layanan.health.database')}</Typography>
                </Stack>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ xs: 'flex-start', sm: 'center' }}>
                  {chip(data.checks.scheduler.state, overall(data.checks.scheduler.state))}
                  <Typography variant="body2">{translate('layanan.health.scheduler', { time: when(data.checks.scheduler.lastRunAt) })}</Typography>
                </Stack>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ xs: 'flex-start', sm: 'center' }}>
                  {chip(data.checks.outbox.state, overall(data.checks.outbox.state))}
                  <Typography variant="body2">
                    {data.checks.outbox.oldestDueAt
                      ? translate('layanan.health.outbox', { time: when(data.checks.outbox.oldestDueAt), smart_count: data.checks.outbox.failedLast24h })
                      : translate('layanan.health.outbox_clear', { smart_count: data.checks.outbox.failedLast24h })}
                  </Typography>
                </Stack>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ xs: 'flex-start', sm: 'center' }}>
                  {chip(data.checks.backup.state, overall(data.checks.backup.state))}
                  <Typography variant="body2">{translate('layanan.health.backup', { time: when(data.checks.backup.lastAt) })}</Typography>
                </Stack>
              </Stack>
            </CardContent>
          </Card>
          <Typography variant="h6" component="h2">
            {translate('layanan.health.channels')}
          </Typography>
          <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', maxWidth: { xs: 'calc(100vw - 16px)', md: '100%' } }} tabIndex={0} aria-label={translate('layanan.health.channels')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {['channel', 'state', 'lastInbound', 'lastSuccess', 'lastError'].map((column) => (
                    <TableCell key={column}>{translate(`layanan.health.column.${column}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.checks.channels.items.map((item) => (
                  <TableRow key={item.channel} data-testid="health-channel" data-channel={item.channel}>
                    <TableCell>{translate(`layanan.channel.${item.channel}`, { _: item.channel })}</TableCell>
                    <TableCell>{chip(item.state, translate(`layanan.health.channelState.${item.state}`))}</TableCell>
                    <TableCell>{item.enabled ? when(item.lastInboundAt) : '—'}</TableCell>
                    <TableCell>{item.enabled ? when(item.lastSuccessAt) : '—'}</TableCell>
                    <TableCell sx={{ minWidth: 220 }}>
                      {item.lastError ? `${item.lastError} (${when(item.lastErrorAt)})` : '—'}
                      {(item.state === 'mati' || item.state === 'diam') && (
                        <Typography variant="caption" display="block" color="text.secondary">
                          {CHANNEL_ADVICE[item.channel]}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      )}
    </Box>
  );
};

export default HealthPage;
