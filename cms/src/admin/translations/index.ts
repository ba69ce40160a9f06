import { CLOCK_MODE_LABELS, HOLIDAY_KIND_LABELS, SERVICE_CATEGORY_LABELS } from '@layanan/config';
import { admin, brand } from './admin';
import { contentManager } from './contentManager';
import { staff } from './staff';
import { channels } from './channels';

type Language = 'id' | 'en';

/**
 * The content manager shows an enumeration's option by the translation whose key is the stored value, so
 * the editors pick "Kartu Keluarga", not `kk`. The labels are config/'s, as everywhere else.
 */
function enumerationLabels(language: Language): Record<string, string> {
  const labels = { ...SERVICE_CATEGORY_LABELS, ...HOLIDAY_KIND_LABELS, ...CLOCK_MODE_LABELS };
  return Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, label[language]]));
}

const prefixed = (plugin: string, messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${plugin}.${key}`, text]));

/** Strings the content manager asks for without its prefix as well; they read the same under both names. */
const UNPREFIXED = ['preview.copy.label', 'preview.tabs.label', 'popUpWarning.bodyMessage.contentType.delete.all', 'popUpWarning.bodyMessage.contentType.unpublish.all'];
const unprefixed = Object.fromEntries(UNPREFIXED.map((key) => [key, contentManager[key]]));

export const translations: Record<Language, Record<string, string>> = {
  id: { ...admin, ...prefixed('content-manager', contentManager), ...unprefixed, ...enumerationLabels('id'), ...brand.id, ...staff.id, ...channels.id },
  en: { ...enumerationLabels('en'), ...brand.en, ...staff.en, ...channels.en },
};
