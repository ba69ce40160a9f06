import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::sop-policy.sop-policy');
