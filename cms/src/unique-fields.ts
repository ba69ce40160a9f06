import type { Core, Modules } from '@strapi/strapi';
import { fieldRefusal } from '@layanan/sop-workflow';
import { EDITOR_VIEWS } from './seed/editor-views';

const dayFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function shown(type: string, value: unknown): string {
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayFormat.format(new Date(`${value}T00:00:00Z`));
  return String(value);
}

/**
 * A value an editor's content type keeps once (a holiday's date, a Bidang's code) is refused before Strapi's
 * own check, whose message is English and names no entry: here it names the field and the entry that has it.
 */
export const uniqueFieldsGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const view = EDITOR_VIEWS[ctx.uid];
    if (!view || !['create', 'update'].includes(ctx.action)) return next();
    const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
    const attributes = strapi.contentType(ctx.uid).attributes as Record<string, { type: string; unique?: boolean }>;
    for (const [name, attribute] of Object.entries(attributes)) {
      const value = params.data?.[name];
      if (!attribute.unique || value === undefined || value === null || value === '') continue;
      const holder = (await strapi.db.query(ctx.uid).findOne({
        select: [view.mainField],
        where: { [name]: value, ...(params.documentId && { documentId: { $ne: params.documentId } }) },
      })) as Record<string, unknown> | null;
      if (!holder) continue;
      const label = view.fields[name]?.label ?? name;
      throw fieldRefusal(name, `${label} ${shown(attribute.type, value)} sudah dipakai oleh "${String(holder[view.mainField])}". Isi ${label.toLowerCase()} lain, atau ubah entri itu.`);
    }
    return next();
  };
