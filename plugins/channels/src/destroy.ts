import type { Core } from '@strapi/strapi';
import { getService } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'email').stop();
  await getService(strapi, 'meta').stop();
  await getService(strapi, 'telegram').stop();
  await getService(strapi, 'lapor').stop();
  await getService(strapi, 'channelHealth').settled();
};
