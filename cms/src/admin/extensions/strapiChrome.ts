import { languageNativeNames } from 'strapi-admin-language-names';

/**
 * Three things of Strapi's own that no setting reaches: its language pickers (profile, login page) name
 * Indonesian "Indonesian", its settings overview links to its paid plans, and its menu links every admin
 * to its plugin marketplace (a cart icon; plugins are installed by the IT staff, never from the panel).
 * All change here, before the panel first renders.
 */
export function adaptStrapiChrome(): void {
  languageNativeNames.id = 'Bahasa Indonesia';
  const style = document.createElement('style');
  style.textContent = [
    'a[href*="strapi.io/pricing"] { display: none !important; }',
    'li:has(a[href*="market.strapi.io"]), a[href*="market.strapi.io"] { display: none !important; }',
  ].join('\n');
  document.head.append(style);
}
