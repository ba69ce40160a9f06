import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { raIndonesian } from './raIndonesian';
import { domainEn, domainId } from './domainMessages';

export const messages = {
  id: { ...raIndonesian, ...domainId },
  en: { ...englishMessages, ...domainEn },
};

/** Bahasa Indonesia by default, English on request (react-admin remembers the choice in its store). */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.id), 'id', [
  { locale: 'id', name: domainId.layanan.locale.id },
  { locale: 'en', name: domainId.layanan.locale.en },
]);
