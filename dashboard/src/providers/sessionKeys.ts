/** Where the signed-in staff member's token and profile are kept (localStorage); the staff page's first script reads them too. */
export const JWT_KEY = 'strapi_jwt';
export const PROFILE_KEY = 'layanan_profile';
