import type { Core } from '@strapi/strapi';
import { KEYWORD_MAX_LENGTH } from '@layanan/config';

interface ComponentView {
  /** The field that names a collapsed row. */
  mainField: string;
  /** `visible: false`: kept by the server, not an input of the row. */
  fields: Record<string, { label: string; description: string; visible?: false }>;
}

/** How the rows of the editors' repeatable components read in the admin panel. */
export const COMPONENT_VIEWS: Record<string, ComponentView> = {
  'sop.office-hours': {
    mainField: 'label',
    fields: {
      label: { label: 'Sesi', description: 'Judul baris, misalnya Senin 07.30–15.30; diisi sendiri saat disimpan.', visible: false },
      day: { label: 'Hari', description: 'Untuk jam istirahat, buat dua baris pada hari yang sama (misalnya 08.00–12.00 dan 13.00–16.00). Hari tanpa baris berarti kantor tutup.' },
      opensAt: { label: 'Jam buka', description: 'Waktu setempat (WIB).' },
      closesAt: { label: 'Jam tutup', description: 'Harus setelah jam buka; sesi pada hari yang sama tidak boleh tumpang tindih.' },
    },
  },
  'faq.keyword': {
    mainField: 'keyword',
    fields: {
      keyword: {
        label: 'Kata kunci',
        description: `Satu kata atau frasa per baris, seperti yang diketik warga (misalnya KTP hilang); paling banyak ${KEYWORD_MAX_LENGTH} karakter, tidak boleh kosong atau sama dengan baris lain.`,
      },
    },
  },
};

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface ComponentsService {
  findConfiguration(component: { uid: string }): Promise<{ metadatas: Record<string, Metadata> } & Record<string, unknown>>;
  updateConfiguration(component: { uid: string }, configuration: Record<string, unknown>): Promise<unknown>;
}

/** At every start, after the content manager has synced its stored views with the schemas. */
export async function labelComponents(strapi: Core.Strapi): Promise<void> {
  const components = strapi.plugin('content-manager').service('components') as ComponentsService;
  for (const [uid, view] of Object.entries(COMPONENT_VIEWS)) {
    const component = { uid };
    const { uid: _uid, category: _category, ...current } = (await components.findConfiguration(component)) as Record<string, unknown> & {
      metadatas: Record<string, Metadata>;
    };
    const metadatas = { ...current.metadatas };
    for (const [name, { label, description, visible }] of Object.entries(view.fields)) {
      const metadata = metadatas[name];
      if (!metadata) continue;
      metadatas[name] = { edit: { ...metadata.edit, label, description, ...(visible === false && { visible, editable: false }) }, list: { ...metadata.list, label } };
    }
    const hidden = new Set(Object.entries(view.fields).flatMap(([name, field]) => (field.visible === false ? [name] : [])));
    const layouts = current.layouts as { edit: { name: string }[][] };
    const edit = layouts.edit.map((row) => row.filter((field) => !hidden.has(field.name))).filter((row) => row.length > 0);
    await components.updateConfiguration(component, {
      ...current,
      settings: { ...(current.settings as object), mainField: view.mainField },
      metadatas,
      layouts: { ...layouts, edit },
    });
  }
}
