import { languageNativeNames } from 'strapi-admin-language-names';

/**
 * Two things of Strapi's own that no setting reaches: its language pickers (profile, login page) name
 * Indonesian "Indonesian", and its settings overview links to its paid plans. Both change here, before
 * the panel first renders.
 */
export function adaptStrapiChrome(): void {
  languageNativeNames.id = 'Bahasa Indonesia';
  const style = document.createElement('style');
  style.textContent = 'a[href*="strapi.io/pricing"] { display: none !important; }';
  document.head.append(style);
}
