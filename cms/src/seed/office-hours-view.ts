import type { Core } from '@strapi/strapi';

const COMPONENT = 'sop.office-hours';

/** How the rows of the office-hours table read in the admin panel. */
const LABELS: Record<string, { label: string; description: string; placeholder?: string }> = {
  day: { label: 'Hari', description: 'Untuk jam istirahat, buat dua baris pada hari yang sama (misalnya 08.00–12.00 dan 13.00–16.00). Hari tanpa baris berarti kantor tutup.' },
  opensAt: { label: 'Jam buka', description: 'Waktu setempat (WIB).' },
  closesAt: { label: 'Jam tutup', description: 'Harus setelah jam buka; sesi pada hari yang sama tidak boleh tumpang tindih.' },
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
export async function labelOfficeHours(strapi: Core.Strapi): Promise<void> {
  const components = strapi.plugin('content-manager').service('components') as ComponentsService;
  const component = { uid: COMPONENT };
  const { uid: _uid, category: _category, ...current } = (await components.findConfiguration(component)) as Record<string, unknown> & {
    metadatas: Record<string, Metadata>;
  };
  const metadatas = { ...current.metadatas };
  for (const [name, { label, description }] of Object.entries(LABELS)) {
    const metadata = metadatas[name];
    if (!metadata) continue;
    metadatas[name] = { edit: { ...metadata.edit, label, description }, list: { ...metadata.list, label } };
  }
  await components.updateConfiguration(component, { ...current, settings: { ...(current.settings as object), mainField: 'day' }, metadatas });
}
