import { useTranslate } from 'react-admin';
import type { Countdown, LaporCountdown } from './countdown';
import { formatTimeOrDay } from '../format';
import { splitMinutes } from './countdown';
import './countdown.css';

export function useDurationText() {
  const translate = useTranslate();
  return (minutes: number) => {
    const [h, m] = splitMinutes(minutes);
    return h > 0 ? translate('layanan.sla.hours', { h, m }) : translate('layanan.sla.minutes', { m });
  };
}

/** "sisa 12 mnt" in green, amber past the reminder threshold, "terlambat 1 j 5 mnt" in red. */
export const CountdownBadge = ({ countdown }: { countdown: Countdown }) => {
  const translate = useTranslate();
  const duration = useDurationText();
  const late = countdown.urgency === 'breached';
  const text = late ? translate('layanan.sla.late', { time: duration(countdown.remaining) }) : translate('layanan.sla.left', { time: duration(countdown.remaining) });
  return (
    <span className={`countdown countdown--${countdown.urgency}`} data-urgency={countdown.urgency} title={translate(`layanan.sla.step.${countdown.step}`)}>
      {text}
    </span>
  );
};

/** "LAPOR! s.d. 20 Jun, 16.00 WIB" beside the SOP's countdown on a LAPOR! report; red once it has passed. */
export const LaporBadge = ({ countdown, now }: { countdown: LaporCountdown; now: Date }) => {
  const translate = useTranslate();
  const late = countdown.urgency === 'breached';
  const time = formatTimeOrDay(countdown.dueAt, now);
  return (
    <span className={`countdown countdown--lapor countdown--${countdown.urgency}`} data-urgency={countdown.urgency} data-clock={countdown.clock} title={translate(`layanan.sla.step.${countdown.clock}`)}>
      {translate(late ? 'layanan.sla.lapor_late' : 'layanan.sla.lapor_due', { time })}
    </span>
  );
};
