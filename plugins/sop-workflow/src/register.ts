import type { Core } from '@strapi/strapi';
import { appendOnlyEvents, inquiryGuard } from './middlewares/inquiry-guard';
import { policyGuard } from './middlewares/policy-guard';
import { officeCache } from './middlewares/office-cache';
import { wakeOnNewRows } from './services/delivery';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(inquiryGuard(strapi));
  strapi.documents.use(appendOnlyEvents());
  strapi.documents.use(policyGuard(strapi));
  strapi.documents.use(officeCache(strapi));
  wakeOnNewRows(strapi);
};
