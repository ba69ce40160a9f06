import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::holiday.holiday', { only: ['find', 'findOne'] });
