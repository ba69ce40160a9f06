import type { Core } from '@strapi/strapi';
import { forgotPassword } from './password-reset';
import { INVITE_INSTEAD, checkInvitation } from './invitation';
import { staffController, staffRoutes } from './staff-import';

type Attributes = Record<string, Record<string, unknown>>;
type Handler = (ctx: never) => Promise<unknown>;
type Controller = Record<string, unknown> & { resetPassword: Handler };
interface AdminCreateCtx {
  request: { body: Record<string, unknown> };
}
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Attributes; info: { displayName: string } } } };
  controllers: Record<string, (deps: { strapi: Core.Strapi }) => Record<string, unknown>> & {
    auth: (deps: { strapi: Core.Strapi }) => Controller;
    contentmanageruser: Record<string, unknown> & { create: (ctx: AdminCreateCtx) => Promise<unknown> };
  };
  routes: { admin: { routes: unknown[] } };
}

/**
 * Staff accounts carry a display name and, for division staff, the one Bidang they work for, and when
 * they were last invited. A password reset is asked for through our own handler (password-reset.ts); an
 * invitation's code is checked before Strapi's reset takes it (invitation.ts). The admin's CSV import and
 * re-invitation are admin routes of this plugin (staff-import.ts).
 */
export default (plugin: UsersPermissionsPlugin) => {
  const { attributes, info } = plugin.contentTypes.user.schema;
  info.displayName = 'Pengguna';
  attributes.fullName = { type: 'string', maxLength: 120 };
  attributes.division = { type: 'relation', relation: 'manyToOne', target: 'api::division.division', inversedBy: 'staff' };
  attributes.invitedAt = { type: 'datetime', private: true, configurable: false };
  const auth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const controller = auth(deps);
    const invitation = checkInvitation(deps.strapi);
    return {
      ...controller,
      forgotPassword: forgotPassword(deps.strapi),
      resetPassword: async (ctx: never) => {
        await invitation(ctx);
        return controller.resetPassword(ctx);
      },
    };
  };
  // The Content Manager's create handler for users insists on a password; left empty, it stands for "invite".
  const adminUsers = plugin.controllers.contentmanageruser;
  const create = adminUsers.create;
  adminUsers.create = async (ctx) => {
    const { password } = ctx.request.body;
    if (password === undefined || password === null || password === '') ctx.request.body.password = INVITE_INSTEAD;
    return create(ctx);
  };
  plugin.controllers.staff = staffController;
  plugin.routes.admin.routes.push(...staffRoutes);
  return plugin;
};
