import type { Core, Modules } from '@strapi/strapi';
import { UID, getService } from '../utils';

const WRITES = ['create', 'update', 'delete'];

/** An editor's change to the Profil Dinas is read at once on the instance that saved it. */
export const officeCache =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.office || !WRITES.includes(ctx.action)) return next();
    const result = await next();
    getService(strapi, 'office').invalidate();
    return result;
  };
