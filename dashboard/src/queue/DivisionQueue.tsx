import { Suspense, lazy, useState } from 'react';
import { Link, Title, useGetIdentity, useGetList, useLocale, useNotify, useRefresh, useTranslate, useCreatePath } from 'react-admin';
import { Box, Button, Card, CardContent, Dialog, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { SOP_STEP } from '@layanan/config';
import type { Inquiry } from '../types';
import { formatDateTime, intlLocale } from '../format';
import { countdownOf } from '../sla/countdown';
import { CountdownBadge } from '../sla/CountdownBadge';
import { useNow, useSopCalendar } from '../sla/useSopCalendar';
import { ActionForm } from '../inquiries/ActionForm';
import { useInquiryAction } from '../inquiries/useInquiryAction';
import { InquiryCard } from '../board/InquiryCard';
import { useNotifyError } from '../notifyError';
import { QUEUE_LIST } from './queueList';
import '../board/board.css';

const TelegramLinkCard = lazy(() => import('../profile/TelegramLinkCard').then((module) => ({ default: module.TelegramLinkCard })));

/**
 * Division staff's home: the requests routed to their Bidang that wait for its information (the server
 * shows them nothing else), the most urgent first, each with the coordinate form one click away.
 */
export const DivisionQueue = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const run = useInquiryAction();
  const { identity } = useGetIdentity();
  const sop = useSopCalendar();
  const now = useNow();
  const [open, setOpen] = useState<Inquiry | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { data = [], isPending } = useGetList<Inquiry>('inquiries', QUEUE_LIST, { refetchInterval: 15_000 });
  const division = (identity?.division as { name?: string } | undefined)?.name ?? '';

  const submit = async (inquiry: Inquiry, information: string) => {
    setSubmitting(true);
    try {
      await run('coordinate', inquiry.id, { information });
      notify('layanan.actions.done.coordinate', { type: 'success' });
      setOpen(null);
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ py: 2 }} data-testid="division-queue">
      <Title title={translate('layanan.queue.title', { division })} />
      <Typography variant="h5" component="h1">
        {translate('layanan.queue.title', { division })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('layanan.queue.hint')}
      </Typography>
      <Box sx={{ maxWidth: 760, mb: 2 }}>
        <Suspense fallback={null}>
          <TelegramLinkCard hideWhenLinked />
        </Suspense>
      </Box>
      {!isPending && data.length === 0 && <Typography>{translate('layanan.queue.empty')}</Typography>}
      <Stack spacing={1.5} sx={{ maxWidth: 760 }}>
        {data.map((inquiry) => {
          const countdown = sop ? countdownOf(inquiry, now, sop.calendar, sop.policy) : null;
          return (
            <Card key={inquiry.id} variant="outlined" data-code={inquiry.code}>
              <CardContent>
                <Link to={createPath({ resource: 'inquiries', id: inquiry.id, type: 'show' })} underline="none" color="inherit">
                  <InquiryCard inquiry={inquiry} countdown={countdown} />
                </Link>
                <OfficerNote note={inquiry.notes} />
                <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
                  <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
                    {translate('layanan.sla.due', { time: formatDateTime(inquiry[SOP_STEP.coordination.dueField], locale) })}
                  </Typography>
                  <Button variant="contained" size="small" onClick={() => setOpen(inquiry)} data-action="coordinate">
                    {translate('layanan.actions.coordinate')}
                  </Button>
                </Stack>
              </CardContent>
            </Card>
          );
        })}
      </Stack>
      {open && (
        <Dialog open onClose={() => !submitting && setOpen(null)} fullWidth maxWidth="sm">
          <DialogTitle>
            {translate('layanan.actions.coordinate')} · {open.code}
          </DialogTitle>
          <DialogContent sx={{ pt: '8px !important' }}>
            <Typography variant="subtitle2" gutterBottom>
              {open.subject}
            </Typography>
            <Typography variant="body2" className="action-form__message" sx={{ mb: 2 }}>
              {open.message}
            </Typography>
            <OfficerNote note={open.notes} />
            <ActionForm action="coordinate" inquiry={open} submitting={submitting} onSubmit={(input) => submit(open, input.information ?? '')} onCancel={() => setOpen(null)} />
          </DialogContent>
        </Dialog>
      )}
    </Box>
  );
};

/** What the officer asked of the Bidang when routing the request. */
const OfficerNote = ({ note }: { note?: string | null }) => {
  const translate = useTranslate();
  if (!note?.trim()) return null;
  return (
    <Box component="section" className="officer-note" data-testid="officer-note" aria-label={translate('layanan.queue.note')} sx={{ mt: 1, mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="h3" sx={{ m: 0 }}>
        {translate('layanan.queue.note')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {note}
      </Typography>
    </Box>
  );
};
