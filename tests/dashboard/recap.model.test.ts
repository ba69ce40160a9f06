import { complianceRows, deliveryRows, durationRows, inquiryListPath, presetRange, shares, todayInOffice, topCategories, volumeSeries } from '../../dashboard/src/recap/recapModel';
import { createDataProvider } from '../../dashboard/src/providers/dataProvider';
import type { Recap } from '../../dashboard/src/types';

/** Two weeks of a small office, as GET /api/recap returns them. */
const RECAP: Recap = {
  range: { from: '2026-02-01', to: '2026-02-14', groupBy: 'week', timeZone: 'Asia/Jakarta', start: '2026-01-31T17:00:00.000Z', end: '2026-02-14T17:00:00.000Z' },
  total: 30,
  divisions: [
    { key: 'DAFDUK', documentId: 'd1', code: 'DAFDUK', name: 'Bidang Pendaftaran Penduduk' },
    { key: 'none', documentId: null, code: null, name: 'Belum/tanpa Bidang' },
  ],
  periods: [
    { period: '2026-01-26', start: '2026-01-31T17:00:00.000Z', end: '2026-02-01T17:00:00.000Z', total: 4, channel: { whatsapp: 3, phone: 1 }, kind: {}, serviceCategory: {}, status: {}, outcome: {}, division: {} },
    { period: '2026-02-02', start: '2026-02-01T17:00:00.000Z', end: '2026-02-08T17:00:00.000Z', total: 26, channel: { whatsapp: 20, phone: 6 }, kind: {}, serviceCategory: {}, status: {}, outcome: {}, division: {} },
  ],
  totals: { channel: { whatsapp: 23, phone: 7, email: 0 }, kind: { information: 18, complaint: 12 }, serviceCategory: { ktp_el: 12, kk: 9, kia: 0, lainnya: 9 }, status: {}, outcome: {}, division: { DAFDUK: 21, none: 9 } },
  compliance: {
    policies: [{ revision: 1, budgets: { triage: 15, coordination: 60, answer: 60 }, since: null }],
    overall: {
      triage: { applicable: 30, met: 27, late: 3, pending: 0, withinBudget: 0.9 },
      coordination: { applicable: 21, met: 18, late: 2, pending: 1, withinBudget: 19 / 21 },
      answer: { applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null },
    },
    byDivision: {},
  },
  durations: { triage: { count: 30, median: 7.24, p90: 14.96 }, coordination: { count: 20, median: 33.33, p90: 70 }, answer: { count: 0, median: null, p90: null } },
  timeToAnswer: { count: 10, median: 80 },
  openBreaches: { open: 1, breached: 0, overOneWorkingDay: 0, byStep: { triage: 0, coordination: 0, answer: 0 }, byDivision: {} },
  answerDelivery: { overall: { delivered: 0, failed: 0, pending: 0, medianMinutes: null }, byChannel: {} },
  lapor: {
    reports: 0,
    budgets: { lapor_forwarding: 3, lapor_follow_up: 5, lapor_closure: 10 },
    clocks: {
      lapor_forwarding: { applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null },
      lapor_follow_up: { applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null },
      lapor_closure: { applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null },
    },
  },
};

describe('the recap page model', () => {
  it('reads today, this month, last month and this year in WIB, whatever the browser\'s zone', () => {
    // 1 March 2026, 01:00 WIB is still 28 February in UTC.
    const now = new Date('2026-02-28T18:00:00Z');
    expect(todayInOffice(now)).toBe('2026-03-01');
    expect(presetRange('thisMonth', now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('lastMonth', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    expect(presetRange('lastMonth', new Date('2026-01-10T03:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('draws one stacked bar per period, with its channels and a readable label', () => {
    expect(volumeSeries(RECAP, 'id-ID')).toEqual([
      { period: '2026-01-26', label: '26 Jan', total: 4, whatsapp: 3, phone: 1 },
      { period: '2026-02-02', label: '2 Feb', total: 26, whatsapp: 20, phone: 6 },
    ]);
  });

  it('opens the inquiry list of exactly what a bar counts', () => {
    const path = inquiryListPath(RECAP.periods[1], { from: '2026-02-01', to: '2026-02-14', kind: 'complaint' }, { channel: 'phone' });
    const params = new URLSearchParams(path.split('?')[1]);
    expect(path.startsWith('/inquiries?')).toBe(true);
    expect(JSON.parse(params.get('filter')!)).toEqual({ receivedAt_gte: '2026-02-01T17:00:00.000Z', receivedAt_lt: '2026-02-08T17:00:00.000Z', kind: 'complaint', channel: 'phone' });
    const unrouted = new URLSearchParams(inquiryListPath(RECAP.periods[0], { from: '2026-02-01', to: '2026-02-14', division: 'none' }).split('?')[1]);
    expect(JSON.parse(unrouted.get('filter')!)).toMatchObject({ 'division.id_isnull': 'true' });
  });

  it('keeps the non-empty slices and the top service categories, largest first', () => {
    expect(shares(RECAP.totals.channel, (key) => key.toUpperCase())).toEqual([
      { key: 'whatsapp', name: 'WHATSAPP', value: 23 },
      { key: 'phone', name: 'PHONE', value: 7 },
    ]);
    expect(topCategories(RECAP, 2)).toEqual([
      { key: 'ktp_el', value: 12 },
      { key: 'kk', value: 9 },
    ]);
  });

  it('puts compliance in percent and durations beside the SOP budget', () => {
    expect(complianceRows(RECAP)).toEqual([
      { step: 'triage', applicable: 30, withinBudget: 90, late: 10 },
      { step: 'coordination', applicable: 21, withinBudget: 90.5, late: 9.5 },
      { step: 'answer', applicable: 0, withinBudget: null, late: null },
    ]);
    expect(durationRows(RECAP)).toEqual([
      { step: 'triage', median: 7.2, p90: 15, budget: 15 },
      { step: 'coordination', median: 33.3, p90: 70, budget: 60 },
      { step: 'answer', median: null, p90: null, budget: 60 },
    ]);
  });

  it('lists the delivery of answers by channel in the SOP\'s channel order, then the whole office', () => {
    const answerDelivery = {
      overall: { delivered: 9, failed: 1, pending: 3, medianMinutes: 12.5 },
      byChannel: {
        radio: { delivered: 2, failed: 0, pending: 3, medianMinutes: 95 },
        email: { delivered: 7, failed: 1, pending: 0, medianMinutes: 1.5 },
      },
    };
    expect(deliveryRows({ ...RECAP, answerDelivery })).toEqual([
      { key: 'email', delivered: 7, failed: 1, pending: 0, medianMinutes: 1.5 },
      { key: 'radio', delivered: 2, failed: 0, pending: 3, medianMinutes: 95 },
    ]);
    expect(deliveryRows({ ...RECAP, answerDelivery: { overall: { delivered: 0, failed: 0, pending: 0, medianMinutes: null }, byChannel: {} } })).toEqual([]);
  });
});

describe('the data provider\'s recap methods', () => {
  it('ask GET /api/recap and GET /api/surveys/ikm with the range and the filters given', async () => {
    const urls: string[] = [];
    const provider = createDataProvider((async (url: string) => {
      urls.push(url);
      return { status: 200, headers: new Headers(), body: '', json: { data: { total: 0 } } };
    }) as never);
    await provider.getRecap({ from: '2026-02-01', to: '2026-02-14', groupBy: 'week', channel: 'whatsapp' });
    await provider.getIkm({ from: '2026-01-01', to: '2026-02-14', groupBy: 'month' });
    expect(urls).toEqual(['/api/recap?from=2026-02-01&to=2026-02-14&groupBy=week&channel=whatsapp', '/api/surveys/ikm?from=2026-01-01&to=2026-02-14&groupBy=month']);
  });
});
