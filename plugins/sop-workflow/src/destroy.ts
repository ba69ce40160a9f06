import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'delivery').stop();
  await getService(strapi, 'accessLog').flush();
};
