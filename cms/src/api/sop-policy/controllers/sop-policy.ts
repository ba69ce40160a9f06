import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::sop-policy.sop-policy');
