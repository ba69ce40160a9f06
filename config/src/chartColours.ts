import type { Channel, Kind } from './channels';

/**
 * The Rekap's chart colours, fixed per channel and per Bidang code so a channel keeps its colour from month to
 * month. Every mark stands at least 3:1 against the white page (WCAG 2.2, non-text contrast).
 */
export const CHANNEL_COLOURS: Record<Channel, string> = {
  walk_in: '#1f3b63',
  phone: '#6a4c93',
  website: '#2f74c0',
  email: '#b23b3b',
  whatsapp: '#2e7d32',
  telegram: '#0e7c86',
  lapor_sp4n: '#a35200',
  view_probolinggo: '#7a6a00',
  radio: '#8d6e63',
  facebook: '#5d6d7e',
  instagram: '#c2185b',
};

/** The Bidang of the SOP by code; requests routed to none are grey. */
export const DIVISION_COLOURS: Record<string, string> = {
  DAFDUK: '#3949ab',
  CAPIL: '#c2571a',
  none: '#6b7785',
};

/** Information and complaint, the two kinds of request. */
export const KIND_COLOURS: Record<Kind, string> = { information: '#2f74c0', complaint: '#b23b3b' };

/** For a Bidang an editor adds later: a colour chosen by its code, so it too stays put. */
export const SPARE_DIVISION_COLOURS = ['#00796b', '#8e24aa', '#795548', '#ad1457', '#33691e'] as const;

export function channelColour(channel: string): string {
  return CHANNEL_COLOURS[channel as Channel] ?? DIVISION_COLOURS.none;
}

export function divisionColour(code: string): string {
  if (DIVISION_COLOURS[code]) return DIVISION_COLOURS[code];
  const hash = [...code].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 9973, 7);
  return SPARE_DIVISION_COLOURS[hash % SPARE_DIVISION_COLOURS.length];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
