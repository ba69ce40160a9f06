import { useDataProvider, useLocale, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Box, CircularProgress, Typography } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { InquiryEvent } from '../types';
import { formatDateTime, intlLocale } from '../format';

export const eventsKey = (id: string) => ['inquiry-events', id];

type Translate = ReturnType<typeof useTranslate>;

/** "oleh petugas", "e-mail": who or what carried a message or the answer. */
function viaText(via: unknown, translate: Translate): string | null {
  if (typeof via !== 'string' || !via) return null;
  return translate(`layanan.events.via.${via}`, { _: translate(`layanan.delivery.medium.${via}`, { _: via }) });
}

function detailText(event: InquiryEvent, translate: Translate, locale: string): string | null {
  const detail = event.detail ?? {};
  const step = typeof detail.step === 'string' ? translate(`layanan.sla.step.${detail.step}`) : null;
  const channel = typeof detail.channel === 'string' ? translate(`layanan.channel.${detail.channel}`, { _: detail.channel }) : null;
  const until = typeof detail.until === 'string' ? translate('layanan.events.window_until', { time: formatDateTime(detail.until, locale) }) : null;
  const lapor = event.type === 'lapor_status' && typeof detail.status === 'string' ? translate(`layanan.laporStatus.${detail.status}`, { _: detail.status }) : null;
  const source = event.type === 'lapor_status' && typeof detail.source === 'string' ? translate(`layanan.events.lapor_source.${detail.source}`, { _: detail.source }) : null;
  // A receipt names the sender's outbox channel ("E-mail (SMTP)"), not a medium of the answer.
  const receipt =
    typeof detail.receipt === 'string'
      ? translate(`layanan.events.receipt.${detail.receipt}`, { _: detail.receipt, via: translate(`layanan.outboxChannel.${String(detail.via)}`, { _: String(detail.via) }) })
      : null;
  const parts = [receipt, lapor, source, detail.division, receipt ? null : viaText(detail.via, translate), channel, until, detail.note, detail.reason, step].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return parts.length ? parts.join(' · ') : null;
}

/** Every event of the inquiry, oldest first, with who did it and when (WIB). */
export const Timeline = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { data, isPending } = useQuery({ queryKey: eventsKey(id), queryFn: () => dataProvider.getEvents(id) });
  if (isPending) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  return (
    <ol className="timeline" data-testid="timeline">
      {(data ?? []).map((event) => {
        const actor = event.actorType === 'user' ? event.actorName : translate(`layanan.events.actor.${event.actorType}`);
        const detail = detailText(event, translate, locale);
        return (
          <li key={event.documentId} className={`timeline__item timeline__item--${event.type}`} data-event={event.type}>
            <Box className="timeline__dot" />
            <div>
              <Typography variant="body2" fontWeight={600}>
                {translate(`layanan.events.${event.type}`)}
                {event.detail?.late === true && <span className="timeline__late"> · {translate('layanan.inquiry.late_step')}</span>}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {formatDateTime(event.at, locale)}
                {actor ? ` · ${actor}` : ''}
              </Typography>
              {detail && (
                <Typography variant="caption" component="div">
                  {detail}
                </Typography>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
};
