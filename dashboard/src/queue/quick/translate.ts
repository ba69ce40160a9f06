import { domainEn, domainId } from '../../i18n/domainMessages';

export type Translate = (key: string, values?: Record<string, string>) => string;

/** The language react-admin's language menu stored (its store keeps JSON under "RaStore.<key>"); Indonesian by default. */
export function storedLocale(): 'id' | 'en' {
  try {
    return JSON.parse(localStorage.getItem('RaStore.locale') ?? '"id"') === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/**
 * The staff app's own catalogue (i18n/domainMessages.ts), read without react-admin's i18n provider: a key's
 * message with its %{name} placeholders filled, or the key itself when the catalogue has none.
 */
export function translator(locale: 'id' | 'en'): Translate {
  const catalogue: unknown = locale === 'en' ? domainEn : domainId;
  return (key, values = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
    return typeof found === 'string' ? found.replace(/%\{(\w+)\}/g, (_, name: string) => values[name] ?? '') : key;
  };
}
