import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::sop-policy.sop-policy', { only: ['find'] });
