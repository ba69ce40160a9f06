import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::privacy-notice-version.privacy-notice-version');
