import { parseIndonesianDate, parseLaporText } from '../../plugins/channels/src/lapor/parse';
import { REPORT_FIXTURES } from '../helpers/lapor-reports';

describe('a LAPOR! report pasted by the officer', () => {
  it.each(REPORT_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s: tracking number, date, reporter, category and content', (_name, { text, expected }) => {
    const report = parseLaporText(text);
    expect(report.trackingId).toBe(expected.trackingId);
    expect(report.reportedAt?.toISOString() ?? null).toBe(expected.reportedAt);
    expect(report.reporter.name).toBe(expected.reporter);
    expect(report.category).toBe(expected.category);
    expect(report.content).toMatch(expected.content);
    if (expected.anonymous !== undefined) expect(report.anonymous).toBe(expected.anonymous);
    if (expected.kind) expect(report.kind).toBe(expected.kind);
    if (expected.serviceCategory) expect(report.serviceCategory).toBe(expected.serviceCategory);
    if (expected.title !== undefined) expect(report.title).toBe(expected.title);
    // The content never swallows the next field or the mail's footer.
    expect(report.content).not.toMatch(/^(Status|Lampiran|Silakan|Hormat kami|Instansi)/m);
  });

  it('keeps no contact of an anonymous or confidential reporter, and keeps those of a named one', () => {
    const anonymous = parseLaporText(REPORT_FIXTURES.find((f) => f.name === 'an anonymous report')!.text);
    expect(anonymous.reporter).toEqual({ name: null, email: null, phone: null });
    expect(anonymous.missing).not.toContain('reporter');
    const named = parseLaporText(REPORT_FIXTURES.find((f) => f.name.startsWith('bullet points'))!.text);
    expect(named.reporter).toEqual({ name: 'Rina Wulandari', email: 'rina.wulandari@contoh.id', phone: '081234567890' });
    expect(named.location).toMatch(/Kec\. Kademangan$/);
  });

  it('says what it could not find, and reads the LAPOR! status', () => {
    expect(parseLaporText('Mohon info syarat KTP-el').missing).toEqual(expect.arrayContaining(['trackingId', 'content', 'reportedAt']));
    expect(parseLaporText(REPORT_FIXTURES[0].text).status).toBe('verifikasi');
    expect(parseLaporText(REPORT_FIXTURES[0].text).missing).toEqual([]);
  });

  it('reads Indonesian dates in WIB unless another zone is written, and refuses dates that do not exist', () => {
    expect(parseIndonesianDate('Jumat, 31 Juli 2026 pukul 23.59 WIB')?.toISOString()).toBe('2026-07-31T16:59:00.000Z');
    expect(parseIndonesianDate('1 Agustus 2026 08:00 WIT')?.toISOString()).toBe('2026-07-31T23:00:00.000Z');
    expect(parseIndonesianDate('17 Agt 2026')?.toISOString()).toBe('2026-08-16T17:00:00.000Z');
    expect(parseIndonesianDate('30 Februari 2026')).toBeNull();
    expect(parseIndonesianDate('besok pagi')).toBeNull();
  });
});
