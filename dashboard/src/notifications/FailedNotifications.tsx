import { useState } from 'react';
import { Link, useCanAccess, useCreatePath, useDataProvider, useLocale, useNotify, useTranslate } from 'react-admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { FailedNotification } from '../types';
import { formatDateTime, intlLocale } from '../format';
import { useNotifyError } from '../notifyError';

const FAILED_KEY = ['notifications', 'failed'];
const POLL_MS = 60_000;

const topicKey = (topic: string) => `layanan.notifications.topic.${topic.replace(/\./g, '_')}`;

const FailedRow = ({ row, onRetry, retrying }: { row: FailedNotification; onRetry: () => void; retrying: boolean }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const createPath = useCreatePath();
  const channel = translate(`layanan.channel.${row.channel}`, { _: row.channel });
  return (
    <ListItem
      divider
      data-testid="failed-notification"
      secondaryAction={
        <Button size="small" onClick={onRetry} disabled={retrying}>
          {translate('layanan.notifications.retry')}
        </Button>
      }
    >
      <ListItemText
        sx={{ pr: 12 }}
        primary={
          <>
            {row.inquiry && (
              <Link to={createPath({ resource: 'inquiries', id: row.inquiry.documentId, type: 'show' })} sx={{ fontWeight: 600, mr: 1 }}>
                {row.inquiry.code}
              </Link>
            )}
            {translate(topicKey(row.topic), { _: row.topic })} · {channel}
          </>
        }
        secondary={
          <>
            {row.recipient ? translate('layanan.notifications.failed_to', { recipient: row.recipient }) : translate('layanan.notifications.failed_unaddressed')} ·{' '}
            {translate('layanan.notifications.attempts', { smart_count: row.attempts ?? 0 })} ·{' '}
            {formatDateTime(row.updatedAt, locale)}
            {row.lastError && (
              <Typography component="span" display="block" variant="caption" color="error">
                {translate('layanan.notifications.error')}: {row.lastError}
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
};

/**
 * The outbox parks a message it could not deliver after its last attempt; officers see it here, above the
 * board, and send it again once the cause (a blocked bot, a wrong number) is dealt with.
 */
export const FailedNotifications = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'notifications' });
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: FAILED_KEY,
    queryFn: () => dataProvider.getFailedNotifications(),
    refetchInterval: POLL_MS,
    enabled: Boolean(canAccess),
  });
  const retry = useMutation({
    mutationFn: (id: string) => dataProvider.retryNotification(id),
    onSuccess: () => notify('layanan.notifications.retried', { type: 'success' }),
    onError: notifyError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: FAILED_KEY }),
  });

  if (!canAccess || !data || (data.total === 0 && data.troubles.length === 0 && data.channelsDown.length === 0)) return null;
  return (
    <>
      {data.channelsDown.map((down) => (
        <Alert severity="error" variant="filled" sx={{ mb: 1 }} key={down.channel} data-testid="channel-down" data-channel={down.channel}>
          {translate('layanan.notifications.channel_down', {
            channel: translate(`layanan.channel.${down.channel}`, { _: down.channel }),
            time: down.since ? formatDateTime(down.since, locale) : '–',
            cause: down.cause ?? '–',
          })}
        </Alert>
      ))}
      {data.troubles.map((trouble) => (
        <Alert severity="error" sx={{ mb: 1 }} key={trouble.channel} data-testid="channel-trouble" data-channel={trouble.channel}>
          {translate(`layanan.notifications.held_${trouble.kind}`, {
            channel: translate(`layanan.outboxChannel.${trouble.channel}`, { _: trouble.channel }),
            time: formatDateTime(trouble.since, locale),
            cause: trouble.cause,
          })}
        </Alert>
      ))}
      {data.total > 0 && (
      <Alert
        severity="warning"
        sx={{ mb: 1 }}
        data-testid="failed-notifications"
        action={
          <Button color="inherit" size="small" onClick={() => setOpen(true)}>
            {translate('layanan.notifications.show')}
          </Button>
        }
      >
        {translate('layanan.notifications.failed', { smart_count: data.total })}
      </Alert>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('layanan.notifications.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary">
            {translate('layanan.notifications.failed_hint')}
          </Typography>
          <List dense>
            {data.data.map((row) => (
              <FailedRow key={row.documentId} row={row} onRetry={() => retry.mutate(row.documentId)} retrying={retry.isPending} />
            ))}
          </List>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
