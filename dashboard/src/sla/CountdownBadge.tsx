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

const WORDS: Record<Countdown['urgency'], string> = { ok: 'layanan.sla.left', warning: 'layanan.sla.left_soon', breached: 'layanan.sla.late' };

/**
 * "sisa 12 mnt" in green, "segera: sisa 3 mnt" in amber past the reminder threshold, "terlambat 1 j 5 mnt" in
 * red: each state has its own words, so it reads the same without its colour.
 */
export const CountdownBadge = ({ countdown }: { countdown: Countdown }) => {
  const translate = useTranslate();
  const duration = useDurationText();
  const text = translate(WORDS[countdown.urgency] ?? WORDS.ok, { time: duration(countdown.remaining) });
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
