import { useState } from 'react';
import { Confirm, useLocale, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, CircularProgress, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import TelegramIcon from '@mui/icons-material/Telegram';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { QRCodeSVG } from 'qrcode.react';
import { formatDateTime, formatTime, intlLocale } from '../format';
import type { TelegramLinkCode } from '../types';
import { useTelegramLink } from './useTelegramLink';

const CodeSteps = ({ code, expired, onRenew, renewing }: { code: TelegramLinkCode; expired: boolean; onRenew: () => void; renewing: boolean }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const [copied, setCopied] = useState(false);
  if (expired) {
    return (
      <Stack spacing={1} alignItems="flex-start">
        <Alert severity="warning">{translate('layanan.telegram.expired')}</Alert>
        <Button variant="contained" onClick={onRenew} disabled={renewing}>
          {translate('layanan.telegram.new_code')}
        </Button>
      </Stack>
    );
  }
  const copy = async () => {
    await navigator.clipboard?.writeText(code.command).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'flex-start' }} data-testid="telegram-code">
      {code.link && (
        // On a phone the button opens Telegram directly; the QR code is for a desk computer and a phone beside it.
        <Box sx={{ display: { xs: 'none', sm: 'block' }, p: 1, bgcolor: '#fff', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <QRCodeSVG value={code.link} size={148} aria-label={translate('layanan.telegram.qr')} />
        </Box>
      )}
      <Stack spacing={1.25} sx={{ flex: 1, minWidth: 0 }}>
        {code.link && (
          <>
            <Typography variant="body2">{translate('layanan.telegram.step_open')}</Typography>
            <Button variant="contained" startIcon={<TelegramIcon />} href={code.link} target="_blank" rel="noopener" sx={{ alignSelf: 'flex-start' }} data-testid="telegram-open">
              {translate('layanan.telegram.open')}
            </Button>
          </>
        )}
        <Typography variant="body2">{translate(code.link ? 'layanan.telegram.step_command' : 'layanan.telegram.step_command_only')}</Typography>
        <Stack direction="row" alignItems="center" spacing={0.5}>
          <Box component="code" sx={{ px: 1, py: 0.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: '1.05rem', letterSpacing: '0.04em' }} data-testid="telegram-command">
            {code.command}
          </Box>
          <Tooltip title={translate(copied ? 'layanan.telegram.copied' : 'layanan.telegram.copy')}>
            <IconButton size="small" onClick={copy} aria-label={translate('layanan.telegram.copy')}>
              <ContentCopyIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('layanan.telegram.expires', { time: formatTime(code.expiresAt, locale) })}
        </Typography>
        <Stack direction="row" spacing={1} alignItems="center" role="status">
          <CircularProgress size={16} aria-label={translate('layanan.telegram.waiting')} />
          <Typography variant="body2" color="text.secondary">
            {translate('layanan.telegram.waiting')}
          </Typography>
        </Stack>
      </Stack>
    </Stack>
  );
};

/**
 * Where staff connect their own Telegram chat, so that requests routed to their Bidang, reminders and
 * breaches reach their phone. `hideWhenLinked` keeps the queue page quiet for those already linked.
 */
export const TelegramLinkCard = ({ hideWhenLinked = false, pollMs }: { hideWhenLinked?: boolean; pollMs?: number }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const { link, isPending, error, code, expired, requestCode, unlink } = useTelegramLink(pollMs);
  const [confirming, setConfirming] = useState(false);

  if (hideWhenLinked && (isPending || error || !link?.enabled || link.linked)) return null;
  if (isPending) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  if (error || !link) return <Alert severity="error">{translate('layanan.telegram.unavailable')}</Alert>;

  return (
    <Card variant="outlined" data-testid="telegram-link" data-linked={String(link.linked)}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
          <TelegramIcon color="primary" />
          <Typography variant="h6" component="h2">
            {translate('layanan.telegram.title')}
          </Typography>
        </Stack>
        {!link.enabled ? (
          <Alert severity="info">{translate('layanan.telegram.disabled')}</Alert>
        ) : link.linked ? (
          <Stack spacing={1.5} alignItems="flex-start">
            <Alert severity="success" data-testid="telegram-linked">
              {translate(link.chatType === 'private' ? 'layanan.telegram.linked_private' : 'layanan.telegram.linked_group', {
                time: formatDateTime(link.linkedAt, locale),
              })}
            </Alert>
            <Typography variant="body2" color="text.secondary">
              {translate('layanan.telegram.linked_hint')}
            </Typography>
            <Button color="error" variant="outlined" onClick={() => setConfirming(true)} disabled={unlink.isPending}>
              {translate('layanan.telegram.unlink')}
            </Button>
            <Confirm
              isOpen={confirming}
              title="layanan.telegram.unlink_title"
              content="layanan.telegram.unlink_confirm"
              onConfirm={() => {
                setConfirming(false);
                unlink.mutate();
              }}
              onClose={() => setConfirming(false)}
            />
          </Stack>
        ) : code ? (
          <CodeSteps code={code} expired={expired} onRenew={() => requestCode.mutate()} renewing={requestCode.isPending} />
        ) : (
          <Stack spacing={1.5} alignItems="flex-start">
            <Typography variant="body2">{translate('layanan.telegram.why')}</Typography>
            <Button variant="contained" startIcon={<TelegramIcon />} onClick={() => requestCode.mutate()} disabled={requestCode.isPending} data-testid="telegram-connect">
              {translate('layanan.telegram.connect')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
