import { CHANNEL_ADVICE, CHANNEL_LABELS, type MonitoredChannel } from '@layanan/config';
import { formatWibLong } from '../lapor/draft';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The officers' Telegram alert (HTML, as the notifier sends it) when a channel dies, comes back or goes
 * quiet: which channel, since when, the cause as stored (already redacted: no address, number or secret),
 * and what to do.
 */
export function composeChannelAlert(
  kind: 'down' | 'restored' | 'quiet',
  input: { channel: MonitoredChannel; since: Date; at: Date; cause: string | null; lastInboundAt?: Date | null; quietHours?: number },
): string {
  const name = escapeHtml(CHANNEL_LABELS[input.channel].id);
  if (kind === 'restored') return [`🟢 <b>Kanal ${name} pulih</b>`, `Berjalan lagi sejak ${formatWibLong(input.since)}. Pesan yang tertahan diproses otomatis.`].join('\n');
  if (kind === 'quiet') {
    return [
      `🟡 <b>Kanal ${name} diam</b>`,
      `Tidak ada pesan masuk selama ${input.quietHours ?? 0} jam kerja${input.lastInboundAt ? ` (terakhir ${formatWibLong(input.lastInboundAt)})` : ''}, padahal biasanya ada.`,
      `Mungkin ada gangguan di sisi layanan yang tidak tampak sebagai galat. ${CHANNEL_ADVICE[input.channel]}`,
    ].join('\n');
  }
  return [
    `🔴 <b>Kanal ${name} mati</b> sejak ${formatWibLong(input.since)}`,
    input.cause ? `Sebab: ${escapeHtml(input.cause)}` : null,
    `Warga yang menulis lewat kanal ini belum terjawab. ${CHANNEL_ADVICE[input.channel]}`,
  ]
    .filter(Boolean)
    .join('\n');
}
