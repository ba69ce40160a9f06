import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::inquiry.inquiry', { only: ['find', 'findOne', 'create', 'update'] });
