/**
 * @jest-environment jsdom
 */
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import { storedLocale, translator } from '../../dashboard/src/queue/quick/translate';

describe('the quick queue reads the staff app’s catalogue', () => {
  afterEach(() => localStorage.clear());

  it('gives the same words as the staff app, placeholders filled, in both languages', async () => {
    for (const locale of ['id', 'en'] as const) {
      await i18nProvider.changeLocale(locale);
      const t = translator(locale);
      for (const [key, values] of [
        ['layanan.queue.title', { division: 'Bidang Pencatatan Sipil' }],
        ['layanan.sla.due', { time: '8 Des 2026 11.00 WIB' }],
        ['layanan.actions.coordinate', {}],
        ['layanan.channel.whatsapp', {}],
        ['layanan.kind.complaint', {}],
      ] as const) {
        expect(t(key, values)).toBe(i18nProvider.translate(key, values));
      }
    }
    expect(translator('id')('layanan.queue.title', { division: 'Bidang Pencatatan Sipil' })).toBe('Antrean Bidang Pencatatan Sipil');
  });

  it('names a key it does not know, rather than nothing', () => {
    expect(translator('id')('layanan.queue.nothing_here')).toBe('layanan.queue.nothing_here');
    expect(translator('id')('layanan.queue')).toBe('layanan.queue');
  });

  it('speaks the language chosen in the staff app’s menu, Indonesian otherwise', () => {
    expect(storedLocale()).toBe('id');
    localStorage.setItem('RaStore.locale', JSON.stringify('en'));
    expect(storedLocale()).toBe('en');
    localStorage.setItem('RaStore.locale', 'not json');
    expect(storedLocale()).toBe('id');
  });
});
