import type { Core } from '@strapi/strapi';
import { getService as sop } from '@layanan/sop-workflow';
import { STAFF_CHANNEL, TELEGRAM_CHANNEL, enabled, getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  if (!enabled(strapi)) return;
  const delivery = sop(strapi, 'delivery');
  delivery.unregister(STAFF_CHANNEL);
  delivery.unregister(TELEGRAM_CHANNEL);
  await getService(strapi, 'bot').stop();
};
