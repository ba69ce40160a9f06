import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Loading, ShowBase, Title, useCanAccess, useLocale, useShowContext, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ReceiptIcon from '@mui/icons-material/ReceiptLong';
import { LAPOR_CLOCK_TABLE, SOP_STEP_TABLE, receiptPagePath } from '@layanan/config';
import type { Inquiry } from '../types';
import { formatDateTime, formatTimeOrDay, intlLocale } from '../format';
import { countdownOf, laporCountdownOf } from '../sla/countdown';
import { CountdownBadge, LaporBadge } from '../sla/CountdownBadge';
import { useNow, useSopCalendar } from '../sla/useSopCalendar';
import { ChannelIcon } from '../board/ChannelIcon';
import { AnswerDelivery } from './AnswerDelivery';
import { Conversation } from './Conversation';
import { ContactPanel } from './ContactPanel';
import { InquiryActions } from './InquiryActions';
import { LaporStatusPanel } from './LaporStatusPanel';
import { replyWindowOf } from './replyWindow';
import { Timeline } from './Timeline';
import './inquiry.css';

const Field = ({ label, children }: { label: string; children: ReactNode }) =>
  children ? (
    <div className="field">
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" className="field__value">
        {children}
      </Typography>
    </div>
  ) : null;

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Typography variant="subtitle1" fontWeight={600} gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** One clock's row: its deadline, when its work was done, and whether it ran late. */
const ClockField = ({ clock, due, done, breached, locale }: { clock: string; due?: string | null; done?: string | null; breached?: boolean | null; locale: string }) => {
  const translate = useTranslate();
  return (
    <Field label={translate(`layanan.sla.step.${clock}`)}>
      {due && (
        <span className={breached ? 'sla-breached' : undefined} data-step={clock}>
          {translate('layanan.sla.due', { time: formatDateTime(due, locale) })}
          {done && <br />}
          {done && translate('layanan.sla.done', { time: formatDateTime(done, locale) })}
          {breached && <br />}
          {breached && translate('layanan.sla.breached')}
        </span>
      )}
    </Field>
  );
};

/** The printable Tanda Terima, for the role that hands it to the citizen. */
const ReceiptButton = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'receipt', resource: 'inquiries' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={receiptPagePath(id)} size="small" variant="outlined" startIcon={<ReceiptIcon />} data-testid="open-receipt">
      {translate('layanan.receipt.open')}
    </Button>
  );
};

const InquiryView = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const { record } = useShowContext<Inquiry>();
  const sop = useSopCalendar();
  const now = useNow();
  if (!record) return <Loading />;
  const f = (name: string) => translate(`layanan.inquiry.fields.${name}`);
  const countdown = sop ? countdownOf(record, now, sop.calendar, sop.policy) : null;
  const lapor = sop && record.channel === 'lapor_sp4n' ? laporCountdownOf(record, now, sop.calendar, sop.policy) : null;
  const replyWindow = replyWindowOf(record, now);
  const channel = translate(`layanan.channel.${record.channel}`);
  const applicant = record.applicant ?? {};
  return (
    <Box className="inquiry-page" data-testid="inquiry-page" data-status={record.status}>
      <Title title={`${record.code} · ${record.subject}`} />
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
        <Typography variant="h5" component="h1" className="inquiry-page__code">
          {record.code}
        </Typography>
        <Chip label={translate(`layanan.status.${record.status}`)} color="primary" size="small" data-testid="inquiry-status" />
        <Chip label={translate(`layanan.kind.${record.kind}`)} size="small" variant="outlined" />
        <Chip icon={<ChannelIcon channel={record.channel} label={channel} />} label={channel} size="small" variant="outlined" />
        {record.outcome === 'rejected' && <Chip label={translate('layanan.inquiry.rejected')} color="error" size="small" />}
        {countdown && <CountdownBadge countdown={countdown} />}
        {lapor && <LaporBadge countdown={lapor} now={now} />}
        <ReceiptButton id={String(record.id)} />
        {replyWindow && (
          <Chip
            label={translate(`layanan.board.window_${replyWindow}`, { channel, time: formatTimeOrDay(record.replyWindowUntil, now, locale) })}
            color={replyWindow === 'open' ? 'default' : replyWindow === 'closing' ? 'warning' : 'error'}
            size="small"
            variant={replyWindow === 'open' ? 'outlined' : 'filled'}
            data-testid="reply-window"
            data-window={replyWindow}
          />
        )}
      </Stack>
      <div className="inquiry-page__grid">
        <Stack spacing={2}>
          <Section title={translate('layanan.inquiry.sections.request')}>
            <Typography variant="h6" component="h2" gutterBottom>
              {record.subject}
            </Typography>
            <Typography variant="body1" className="inquiry-page__message" gutterBottom>
              {record.message}
            </Typography>
            <div className="fields">
              <Field label={f('serviceCategory')}>{record.serviceCategory && translate(`layanan.serviceCategory.${record.serviceCategory}`)}</Field>
              <Field label={f('division')}>{record.division?.name}</Field>
              <Field label={f('externalRef')}>{record.externalRef}</Field>
              <Field label={f('notes')}>{record.notes}</Field>
            </div>
          </Section>
          <Section title={translate('layanan.inquiry.sections.applicant')}>
            <div className="fields">
              <Field label={f('applicant.name')}>{applicant.name}</Field>
              <Field label={f('applicant.nik')}>{applicant.nik}</Field>
              <Field label={f('applicant.phone')}>{applicant.phone}</Field>
              <Field label={f('applicant.email')}>{applicant.email}</Field>
              <Field label={f('applicant.replyAddress')}>{applicant.replyAddress}</Field>
            </div>
            <ContactPanel inquiry={record} />
          </Section>
          {(record.divisionInformation || record.answer || record.closeReason) && (
            <Section title={translate('layanan.inquiry.sections.result')}>
              <Stack spacing={1.5}>
                <Field label={f('divisionInformation')}>{record.divisionInformation}</Field>
                <Field label={f('answer')}>{record.answer}</Field>
                {record.directAnswer && <Alert severity="info">{translate('layanan.inquiry.direct_answer')}</Alert>}
                <Field label={f('closeReason')}>{record.closeReason}</Field>
              </Stack>
            </Section>
          )}
          {record.answeredAt && (
            <Section title={translate('layanan.inquiry.sections.delivery')} testId="delivery-section">
              <AnswerDelivery inquiry={record} />
            </Section>
          )}
          <Section title={translate('layanan.inquiry.sections.conversation')} testId="conversation-section">
            <Conversation inquiry={record} />
          </Section>
        </Stack>
        <Stack spacing={2}>
          <Section title={translate('layanan.inquiry.sections.actions')}>
            <InquiryActions inquiry={record} />
          </Section>
          {record.channel === 'lapor_sp4n' && (
            <Section title={translate('layanan.lapor.status.title')} testId="lapor-status-section">
              <LaporStatusPanel inquiry={record} />
            </Section>
          )}
          <Section title={translate('layanan.inquiry.sections.sla')}>
            <div className="fields">
              <Field label={f('receivedAt')}>{formatDateTime(record.receivedAt, locale)}</Field>
              {SOP_STEP_TABLE.map(({ step, dueField, atField, breachedField }) => (
                <ClockField key={dueField} clock={step} due={record[dueField]} done={record[atField]} breached={record[breachedField]} locale={locale} />
              ))}
              <Field label={f('closedAt')}>{formatDateTime(record.closedAt, locale)}</Field>
            </div>
          </Section>
          {record.channel === 'lapor_sp4n' && (
            <Section title={translate('layanan.inquiry.sections.lapor_sla')} testId="lapor-clocks">
              <div className="fields">
                {LAPOR_CLOCK_TABLE.map(({ clock, dueField, atField, breachedField }) => (
                  <ClockField key={clock} clock={clock} due={record[dueField]} done={record[atField]} breached={record[breachedField]} locale={locale} />
                ))}
              </div>
              <Typography variant="caption" color="text.secondary">
                {translate('layanan.inquiry.lapor_sla_hint')}
              </Typography>
            </Section>
          )}
          <Section title={translate('layanan.inquiry.sections.timeline')}>
            <Timeline id={record.id} />
          </Section>
        </Stack>
      </div>
    </Box>
  );
};

export const InquiryShow = () => (
  <ShowBase>
    <InquiryView />
  </ShowBase>
);
