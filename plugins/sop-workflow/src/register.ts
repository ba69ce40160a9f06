import type { Core } from '@strapi/strapi';
import { appendOnlyEvents, inquiryGuard } from './middlewares/inquiry-guard';
import { policyGuard } from './middlewares/policy-guard';
import { officeCache } from './middlewares/office-cache';
import { privacyVersions } from './middlewares/privacy-versions';
import { wakeOnNewRows } from './services/delivery';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(inquiryGuard(strapi));
  strapi.documents.use(appendOnlyEvents());
  strapi.documents.use(policyGuard(strapi));
  strapi.documents.use(officeCache(strapi));
  strapi.documents.use(privacyVersions(strapi));
  wakeOnNewRows(strapi);
};
