import type { Core } from '@strapi/strapi';
import { enabled, getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  if (!enabled(strapi)) return;
  await getService(strapi, 'bot').stop();
  await getService(strapi, 'worker').stop();
};
