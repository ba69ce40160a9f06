import englishMessages from 'ra-language-english';
import { EVENT_TYPES, PUBLIC_EVENT_TYPES } from '@layanan/config';
import { siteMessages } from '../../dashboard/src/site/messages';
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

  it('name the resources in the reader’s language, never by their route', () => {
    expect(i18nProvider.translate('ra.navigation.no_filtered_results', { name: i18nProvider.translate('resources.inquiries.name', { smart_count: 0 }) })).toBe(
      'Tidak ada permohonan yang cocok.',
    );
    expect(keys(messages.en.resources).sort()).toEqual(keys(messages.id.resources).sort());
  });

  it('speak Bahasa Indonesia unless English is chosen', () => {
    expect(i18nProvider.getLocale()).toBe('id');
    expect(i18nProvider.translate('ra.auth.sign_in')).toBe('Masuk');
    expect(i18nProvider.translate('layanan.status.triaged')).toBe('Dipilah');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['id', 'en']);
  });

  it.each(['id', 'en'])('name every kind of timeline entry the server writes (%s), never a raw key', (locale) => {
    const catalogue = messages[locale as 'id' | 'en'].layanan.events as Record<string, unknown>;
    expect(EVENT_TYPES.filter((type) => typeof catalogue[type] !== 'string' || catalogue[type] === '')).toEqual([]);
    expect(i18nProvider.translate('layanan.events.acknowledged')).toBe('Diterima bidang');
  });

  it('name on the tracking page every entry a citizen is shown', () => {
    expect(PUBLIC_EVENT_TYPES.filter((type) => !siteMessages.events[type])).toEqual([]);
  });
});
