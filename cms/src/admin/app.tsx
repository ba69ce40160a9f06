import type { ReactNode } from 'react';
import logo from './extensions/logo.svg';
import { Calendar } from '@strapi/icons';
import { EnumerationCell } from './extensions/EnumerationCell';
import { HOLIDAY_LIST } from './extensions/holidayNotice';
import { adaptStrapiChrome } from './extensions/strapiChrome';
import { nameTheOfficeOnSignIn } from './extensions/officeName';
import { ResendInvitationAction } from './extensions/ResendInvitationAction';
import { keepTypedOnRefusal, type SaveAction } from './extensions/keepTypedOnRefusal';
import { translations } from './translations';

/** Strapi keeps the chosen language here; until an editor picks one, the panel speaks Indonesian. */
const LANGUAGE_KEY = 'strapi-admin-language';
/**
 * Strapi's banner about its new Media Library has no setting; it stays away once dismissed, under these
 * keys (the flag's state and the project's telemetry id, which is `false` with telemetry off).
 */
const MEDIA_LIBRARY_BANNER_DISMISSED = ['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false', 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_true:false'];

interface ListHeader {
  name: string;
  attribute?: { type: string };
  cellFormatter?: (row: Record<string, unknown>) => ReactNode;
}

interface Widget {
  id: string;
  icon: typeof Calendar;
  title: { id: string; defaultMessage: string };
  component: () => Promise<() => ReactNode>;
  link?: { label: { id: string; defaultMessage: string }; href: string };
}

interface SettingsLink {
  id: string;
  to: string;
  intlLabel: { id: string; defaultMessage: string };
  Component: () => Promise<{ default: () => ReactNode }>;
  permissions: { action: string; subject: string | null }[];
}

interface AdminApp {
  addSettingsLink(section: 'global', link: SettingsLink): void;
  getPlugin(name: 'content-manager'): { apis: { addDocumentAction(actions: (current: unknown[]) => unknown[]): void } };
  registerHook(name: string, hook: (args: { displayedHeaders: ListHeader[] }) => { displayedHeaders: ListHeader[] }): void;
  widgets: { register(widgets: (current: Widget[]) => Widget[]): void };
}

/** First on the home page: the reminder to enter next year's holidays (GET /api/holidays/outlook). */
const holidayWidget: Widget = {
  id: 'holiday-outlook',
  icon: Calendar,
  title: { id: 'layanan.holidays.widget.title', defaultMessage: 'Hari libur tahun depan' },
  component: async () => (await import('./extensions/HolidayWidget')).HolidayWidget,
  link: { label: { id: 'layanan.holidays.widget.open', defaultMessage: 'Buka Hari Libur' }, href: HOLIDAY_LIST },
};

const enumerationsByLabel = ({ displayedHeaders, ...rest }: { displayedHeaders: ListHeader[] }) => ({
  ...rest,
  displayedHeaders: displayedHeaders.map((header) =>
    header.attribute?.type === 'enumeration' ? { ...header, cellFormatter: (row: Record<string, unknown>) => <EnumerationCell value={row[header.name]} /> } : header,
  ),
});

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
  register(app: AdminApp) {
    app.widgets.register((current) => [holidayWidget, ...current]);
    app.addSettingsLink('global', {
      id: 'staff-accounts',
      to: 'akun-staf',
      intlLabel: { id: 'layanan.staff.settings.title', defaultMessage: 'Akun Staf' },
      Component: () => import('./extensions/StaffImportPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.create', subject: 'plugin::users-permissions.user' }],
    });
    app.addSettingsLink('global', {
      id: 'channels',
      to: 'kanal',
      intlLabel: { id: 'layanan.channels.settings.title', defaultMessage: 'Kanal' },
      Component: () => import('./extensions/ChannelSettingsPage'),
      permissions: [{ action: 'plugin::channels.settings.read', subject: null }],
    });
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'id');
    for (const key of MEDIA_LIBRARY_BANNER_DISMISSED) window.localStorage.setItem(key, 'true');
    adaptStrapiChrome();
    nameTheOfficeOnSignIn();
  },
  bootstrap(app: AdminApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', enumerationsByLabel);
    app.getPlugin('content-manager').apis.addDocumentAction((actions) => [
      ...(actions as SaveAction[]).map((action) => (action.type === 'update' ? keepTypedOnRefusal(action) : action)),
      ResendInvitationAction,
    ]);
  },
};
