import { useTranslate } from 'react-admin';
import type { Countdown } from './countdown';
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
