import { CHANNELS, CHANNEL_COLOURS, DIVISION_COLOURS, KINDS, KIND_COLOURS, SPARE_DIVISION_COLOURS, contrastRatio, divisionColour } from '../../config/src';

/** CIE76 distance in L*a*b*: about 2 is barely seen, 20 and more reads as another colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const [fx, fy, fz] = xyz.map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116));
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const distance = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

const palettes = {
  channels: Object.values(CHANNEL_COLOURS),
  divisions: [...Object.values(DIVISION_COLOURS), ...SPARE_DIVISION_COLOURS],
  kinds: Object.values(KIND_COLOURS),
};

describe('the Rekap keeps one colour per channel and per Bidang', () => {
  it('gives every channel a colour of its own', () => {
    expect(Object.keys(CHANNEL_COLOURS).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(KIND_COLOURS).sort()).toEqual([...KINDS].sort());
  });

  it.each(Object.entries(palettes))('makes the %s tell apart at a glance', (_, colours) => {
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) expect({ a, b, apart: distance(a, b) >= 15 }).toEqual({ a, b, apart: true });
    }
  });

  it.each(Object.values(palettes).flat())('draws %s at least 3:1 against the white page', (colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('keeps a Bidang added later on one colour whatever month it first appears in', () => {
    expect(divisionColour('SIAK')).toBe(divisionColour('SIAK'));
    expect(SPARE_DIVISION_COLOURS).toContain(divisionColour('SIAK'));
    expect(divisionColour('DAFDUK')).toBe(DIVISION_COLOURS.DAFDUK);
  });
});
