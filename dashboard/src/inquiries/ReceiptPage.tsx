import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Loading, Title, useCanAccess, useDataProvider, useGetOne, useNotify, useStore, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { Inquiry } from '../types';
import { inquiryPagePath } from '@layanan/config';
import { useNotifyError } from '../notifyError';
import { PAGE_SIZE, RECEIPT_LAYOUTS, isReceiptLayout, type ReceiptLayout } from './receiptLayout';
import { ReceiptSheet } from './ReceiptSheet';
import './receipt.css';

/**
 * The Tanda Terima to print for a citizen at the counter (or to send them): one page outside the layout,
 * the paper picked once and remembered, printed in one click; the controls never reach the paper.
 */
export const ReceiptPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [stored, setLayout] = useStore<string>('receipt.layout', 'a6');
  const layout: ReceiptLayout = isReceiptLayout(stored) ? stored : 'a6';
  const [sending, setSending] = useState(false);
  const { canAccess: canSend } = useCanAccess({ action: 'receipt', resource: 'inquiries' });
  // Each issue is a new key for the link: once per visit, never again in the background.
  const { data: receipt, error } = useQuery({
    queryKey: ['inquiries', 'receipt', id],
    queryFn: () => dataProvider.issueReceipt(id),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const { data: inquiry } = useGetOne<Inquiry>('inquiries', { id });
  const contact = Boolean(inquiry?.applicant?.email || inquiry?.applicant?.replyAddress);

  const send = async () => {
    if (!receipt) return;
    setSending(true);
    try {
      const queued = await dataProvider.sendReceipt(id, receipt.trackingToken);
      notify('layanan.receipt.sent', { type: 'success', messageArgs: { address: queued.address ?? '', channel: translate(`layanan.outboxChannel.${queued.channel}`) } });
    } catch (failure) {
      notifyError(failure);
    } finally {
      setSending(false);
    }
  };

  if (error) return <Alert severity="error">{error instanceof Error ? error.message : String(error)}</Alert>;
  if (!receipt) return <Loading />;
  return (
    <div className="receipt-page">
      <Title title={translate('layanan.receipt.title', { code: receipt.code })} />
      <style>{`@page { size: ${PAGE_SIZE[layout]}; margin: ${layout === 'a6' ? '6mm' : '2mm'}; }`}</style>
      <Stack className="receipt-page__tools" direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
        <Button component={Link} to={inquiryPagePath(id)} size="small">
          {translate('layanan.receipt.back')}
        </Button>
        <Typography variant="body2" component="span" id="receipt-layout-label">
          {translate('layanan.receipt.layout')}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={layout} onChange={(_event, value) => isReceiptLayout(value) && setLayout(value)} aria-labelledby="receipt-layout-label">
          {RECEIPT_LAYOUTS.map((option) => (
            <ToggleButton key={option} value={option} data-layout={option}>
              {translate(`layanan.receipt.layouts.${option}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Button variant="contained" onClick={() => window.print()} data-testid="receipt-print">
          {translate('layanan.receipt.print')}
        </Button>
        {canSend && contact && (
          <Button variant="outlined" onClick={send} disabled={sending} data-testid="receipt-send">
            {translate('layanan.receipt.send')}
          </Button>
        )}
        {canSend && inquiry && !contact && (
          <Typography variant="body2" color="text.secondary">
            {translate('layanan.receipt.no_contact')}
          </Typography>
        )}
      </Stack>
      <ReceiptSheet receipt={receipt} layout={layout} />
    </div>
  );
};

export default ReceiptPage;
