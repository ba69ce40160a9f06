import { memo } from 'react';
import { useTranslate } from 'react-admin';
import type { Inquiry } from '../types';
import { awaitsDelivery } from '../inquiries/delivery';
import { laporMismatch } from '../inquiries/laporStatus';
import type { ReplyWindowState } from '../inquiries/replyWindow';
import { formatTimeOrDay } from '../format';
import type { Countdown, LaporCountdown } from '../sla/countdown';
import { CountdownBadge, LaporBadge } from '../sla/CountdownBadge';
import { ChannelIcon } from './ChannelIcon';

/** What a card shows; plain markup and one stylesheet, so five hundred of them stay light. */
export const InquiryCard = memo(function InquiryCard({
  inquiry,
  countdown,
  lapor = null,
  replyWindow = null,
}: {
  inquiry: Inquiry;
  countdown: Countdown | null;
  lapor?: LaporCountdown | null;
  replyWindow?: ReplyWindowState | null;
}) {
  const translate = useTranslate();
  const channel = translate(`layanan.channel.${inquiry.channel}`);
  return (
    <div className={`inquiry-card inquiry-card--${countdown?.urgency ?? 'idle'}`} data-testid="inquiry-card" data-code={inquiry.code}>
      <div className="inquiry-card__top">
        <span className="inquiry-card__code">{inquiry.code}</span>
        <ChannelIcon channel={inquiry.channel} label={channel} />
        <span className={`chip chip--${inquiry.kind}`}>{translate(`layanan.kind.${inquiry.kind}`)}</span>
      </div>
      <div className="inquiry-card__subject">{inquiry.subject}</div>
      <div className="inquiry-card__meta">
        <span className="inquiry-card__name">{inquiry.applicant?.name ?? '—'}</span>
        {inquiry.division && (
          <span className="chip chip--division" title={inquiry.division.name}>
            {inquiry.division.code}
          </span>
        )}
      </div>
      {countdown && <CountdownBadge countdown={countdown} />}
      {lapor && <LaporBadge countdown={lapor} now={new Date()} />}
      {replyWindow && (
        <span className={`chip chip--window chip--window-${replyWindow}`} data-window={replyWindow}>
          {translate(`layanan.board.window_${replyWindow}`, { channel, time: formatTimeOrDay(inquiry.replyWindowUntil, new Date()) })}
        </span>
      )}
      {inquiry.laporStatus && (
        <span className={`chip chip--lapor${laporMismatch(inquiry) ? ' chip--lapor-mismatch' : ''}`} data-lapor-status={inquiry.laporStatus} title={laporMismatch(inquiry) ? translate('layanan.board.lapor_mismatch', { status: translate(`layanan.laporStatus.${inquiry.laporStatus}`) }) : undefined}>
          {translate('layanan.board.lapor_status', { status: translate(`layanan.laporStatus.${inquiry.laporStatus}`) })}
        </span>
      )}
      {awaitsDelivery(inquiry) && (
        <span className={`chip chip--delivery chip--delivery-${inquiry.answerDelivery}`} data-delivery={inquiry.answerDelivery}>
          {translate(inquiry.answerDelivery === 'failed' ? 'layanan.board.delivery_failed' : 'layanan.board.undelivered')}
        </span>
      )}
    </div>
  );
});
