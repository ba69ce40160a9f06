import englishMessages from 'ra-language-english';
import { i18nProvider, messages } from '../../dashboard/src/i18n/i18nProvider';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('the message catalogues', () => {
  it('translate every react-admin message into Bahasa Indonesia', () => {
    const indonesian = new Set(keys(messages.id));
    expect(keys(englishMessages).filter((key) => !indonesian.has(key))).toEqual([]);
  });

  it('have the same keys for our own messages in both languages', () => {
    expect(keys(messages.en.layanan).sort()).toEqual(keys(messages.id.layanan).sort());
  });

  it('speak Bahasa Indonesia unless English is chosen', () => {
    expect(i18nProvider.getLocale()).toBe('id');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Masuk');
    expect(i18nProvider.translate('layanan.status.triaged')).toBe('Dipilah');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['id', 'en']);
  });
});
