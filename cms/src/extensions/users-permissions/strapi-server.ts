import type { Core } from '@strapi/strapi';
import { forgotPassword } from './password-reset';

type Attributes = Record<string, Record<string, unknown>>;
type Controller = Record<string, unknown>;
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Attributes } } };
  controllers: { auth: (deps: { strapi: Core.Strapi }) => Controller };
}

/**
 * Staff accounts carry a display name and, for division staff, the one Bidang they work for. A password
 * reset is asked for through our own handler (password-reset.ts).
 */
export default (plugin: UsersPermissionsPlugin) => {
  const { attributes } = plugin.contentTypes.user.schema;
  attributes.fullName = { type: 'string', maxLength: 120 };
  attributes.division = { type: 'relation', relation: 'manyToOne', target: 'api::division.division', inversedBy: 'staff' };
  const auth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => ({ ...auth(deps), forgotPassword: forgotPassword(deps.strapi) });
  return plugin;
};
