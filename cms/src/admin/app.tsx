import logo from './extensions/logo.svg';
import { translations } from './translations';

/** Strapi keeps the chosen language here; until an editor picks one, the panel speaks Indonesian. */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['id'],
    translations,
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'id');
  },
};
