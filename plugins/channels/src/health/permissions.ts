import type { Core } from '@strapi/strapi';

/** The admin panel's permissions for Pengaturan → Kanal: seeing the channels' state, testing them, and changing their settings. */
const ACTIONS = [
  { section: 'settings', category: 'kanal', displayName: 'Lihat keadaan kanal', uid: 'settings.read', pluginName: 'channels' },
  { section: 'settings', category: 'kanal', displayName: 'Tes koneksi dan kirim pesan uji', uid: 'settings.test', pluginName: 'channels' },
  { section: 'settings', category: 'kanal', displayName: 'Ubah pengaturan kanal', uid: 'settings.update', pluginName: 'channels' },
];

/** Registered at bootstrap, as Strapi's upload plugin does its own. */
export async function registerPermissions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
}
