type Attributes = Record<string, Record<string, unknown>>;
interface UsersPermissionsPlugin {
  contentTypes: { user: { schema: { attributes: Attributes } } };
}

/** Staff accounts carry a display name and, for division staff, the one Bidang they work for. */
export default (plugin: UsersPermissionsPlugin) => {
  const { attributes } = plugin.contentTypes.user.schema;
  attributes.fullName = { type: 'string', maxLength: 120 };
  attributes.division = { type: 'relation', relation: 'manyToOne', target: 'api::division.division', inversedBy: 'staff' };
  return plugin;
};
