import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOCK_MODES, HOLIDAY_KINDS, LAPOR_STATUSES, SERVICE_CATEGORIES } from '@layanan/config';
import { EDITOR_VIEWS } from '../../cms/src/seed/editor-views';
import { translations } from '../../cms/src/admin/translations';
import extendUsersPermissions from '../../cms/src/extensions/users-permissions/strapi-server';

const API = path.resolve(__dirname, '..', '..', 'cms', 'src', 'api');
type Schema = { attributes: Record<string, { type: string; enum?: string[] }> };

/** The staff account as Strapi defines it, with the fields our users-permissions extension adds. */
function staffSchema(): Schema {
  const { __require } = require(path.resolve(__dirname, '..', '..', 'node_modules', '@strapi', 'plugin-users-permissions', 'dist', 'server', 'content-types', 'user', 'index.js'));
  const schema = structuredClone({ attributes: __require().attributes, info: {} }) as Schema;
  const plugin = { contentTypes: { user: { schema } }, controllers: { auth: () => ({}), contentmanageruser: { create: async () => undefined } }, routes: { admin: { routes: [] } } };
  extendUsersPermissions(plugin as never);
  return schema;
}

const schemaOf = (uid: string): Schema => {
  if (uid === 'plugin::users-permissions.user') return staffSchema();
  const name = uid.split('.').pop()!;
  return JSON.parse(readFileSync(path.join(API, name, 'content-types', name, 'schema.json'), 'utf8')) as Schema;
};

/** Strapi's own content-manager catalogue of a language, as its admin bundle loads it. */
const strapiCatalogue = (file: string): Record<string, string> => {
  const loaded = require(path.resolve(__dirname, '..', '..', 'node_modules', '@strapi', 'content-manager', 'dist', 'admin', 'translations', file));
  return loaded.default ?? loaded;
};

describe("the editors' screens", () => {
  it.each(Object.keys(EDITOR_VIEWS))('%s labels every one of its fields, in Indonesian', (uid) => {
    const view = EDITOR_VIEWS[uid];
    const attributes = Object.keys(schemaOf(uid).attributes);
    expect(Object.keys(view.fields).sort()).toEqual([...attributes].sort());
    for (const column of [...view.list, view.mainField, view.sortBy]) expect(attributes.concat(['updatedAt', 'createdAt'])).toContain(column);
    for (const [name, field] of Object.entries(view.fields)) expect([name, field.label]).not.toEqual([name, name]);
    if (view.edit) expect(view.edit.flat().map(([name]) => name).sort()).toEqual(attributes.filter((name) => view.fields[name].visible !== false).sort());
  });

  it('describe the enumerations whose values come from config/, which the schemas must spell alike', () => {
    expect(schemaOf('api::faq-entry.faq-entry').attributes.serviceCategory.enum).toEqual([...SERVICE_CATEGORIES]);
    expect(schemaOf('api::inquiry.inquiry').attributes.serviceCategory.enum).toEqual([...SERVICE_CATEGORIES]);
    expect(schemaOf('api::inquiry.inquiry').attributes.laporStatus.enum).toEqual([...LAPOR_STATUSES]);
    expect(schemaOf('api::holiday.holiday').attributes.kind.enum).toEqual([...HOLIDAY_KINDS]);
    expect(schemaOf('api::sop-policy.sop-policy').attributes.clockMode.enum).toEqual([...CLOCK_MODES]);
  });

  it("show every content-manager string in Indonesian, from Strapi's catalogue or ours", () => {
    const en = strapiCatalogue('en.json.js');
    const strapiId = strapiCatalogue('id.json.js');
    // Dynamic zones and the content history (an Enterprise feature) appear on none of the editors' screens.
    const unused = /^(history\.|components\.DynamicZone\.)/;
    const untranslated = Object.keys(en).filter((key) => !unused.test(key) && !(key in strapiId) && !(`content-manager.${key}` in translations.id));
    expect(untranslated).toEqual([]);
  });

  it('show the enumerations by their Indonesian labels, with English for the English panel', () => {
    expect(translations.id).toMatchObject({ kk: 'Kartu Keluarga', cuti_bersama: 'Cuti bersama', working: expect.stringMatching(/^Jam kerja/) });
    expect(translations.en).toMatchObject({ kk: 'Family card', cuti_bersama: 'Collective leave' });
  });
});
