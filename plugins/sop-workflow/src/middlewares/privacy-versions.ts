import type { Core, Modules } from '@strapi/strapi';
import { PRIVACY_NOTICE_SECTIONS } from '@layanan/config';
import { noticeTexts, toPrivacyNotice } from '../services/privacy';
import { UID, getService } from '../utils';

const WRITES = ['create', 'update'];
const TEXT_FIELDS = ['summary', ...PRIVACY_NOTICE_SECTIONS] as const;

/**
 * Each save of the privacy notice that changes its text is a new version: its number one more than the last,
 * its date the save's, and a copy kept in the versions table, never changed again (requests point at it by
 * number). Editors cannot set either field; a save that changes nothing keeps the version.
 */
export const privacyVersions =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.privacy) return next();
    if (ctx.action === 'delete') {
      const result = await next();
      getService(strapi, 'privacy').invalidate();
      return result;
    }
    if (!WRITES.includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    const { version: _v, versionDate: _d, ...given } = params.data ?? {};
    const before = toPrivacyNotice(await strapi.db.query(UID.privacy).findOne({}));
    const after = toPrivacyNotice({ ...before.sections, summary: before.summary, ...pickTexts(given) });
    const changed = before.version === 0 || JSON.stringify(noticeTexts(before)) !== JSON.stringify(noticeTexts(after));
    const last = (await strapi.db.query(UID.privacyVersion).findOne({ orderBy: { version: 'desc' }, select: ['version'] })) as { version: number } | null;
    const version = Math.max(before.version, last?.version ?? 0) + 1;
    const at = getService(strapi, 'clock').now();
    params.data = changed ? { ...given, version, versionDate: at } : { ...given, version: before.version, versionDate: before.versionDate };
    const result = await strapi.db.transaction(async () => {
      const saved = await next();
      if (changed) await strapi.db.query(UID.privacyVersion).create({ data: { version, versionDate: at, notice: noticeTexts(after) } });
      return saved;
    });
    getService(strapi, 'privacy').invalidate();
    return result;
  };

function pickTexts(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(TEXT_FIELDS.filter((name) => typeof data[name] === 'string').map((name) => [name, data[name] as string]));
}
