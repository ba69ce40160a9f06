import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

/** The service that starts again when a group of settings changed. */
const RELOADS = { mail: 'email', meta: 'meta', lapor: 'lapor' } as const;

/** Starts the channels of the changed settings groups again on their new settings. */
export async function reloadChannels(strapi: Core.Strapi, groups: readonly (keyof typeof RELOADS)[]): Promise<void> {
  for (const group of groups) await getService(strapi, RELOADS[group]).reload();
}
