import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::division.division', { only: ['find', 'findOne'] });
