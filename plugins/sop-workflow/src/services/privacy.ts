import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRIVACY_NOTICE_SECTIONS, type PrivacyNotice } from '@layanan/config';
import { UID } from '../utils';

type NoticeRow = Partial<Record<'summary' | (typeof PRIVACY_NOTICE_SECTIONS)[number], string | null>> & { version?: number | null; versionDate?: string | Date | null };

/** Like the Profil Dinas: an edit reaches other instances within this time, the saving one at once. */
const CACHE_MS = 30_000;

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export function toPrivacyNotice(row: NoticeRow | null): PrivacyNotice {
  const r = row ?? {};
  return {
    version: r.version ?? 0,
    versionDate: iso(r.versionDate),
    summary: (r.summary ?? '').trim(),
    sections: Object.fromEntries(PRIVACY_NOTICE_SECTIONS.map((name) => [name, (r[name] ?? '').trim()])) as PrivacyNotice['sections'],
  };
}

/** The texts of a notice as a version keeps them: what a later save is compared with. */
export const noticeTexts = (notice: PrivacyNotice) => ({ summary: notice.summary, sections: notice.sections });

/**
 * The privacy notice (UU 27/2022 Pasal 21) as the editors keep it, and every version it ever had: a request
 * stores the version its citizen was shown, and the public page shows that version again on demand.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { notice: PrivacyNotice; at: number } | null = null;

  return {
    async current(): Promise<PrivacyNotice> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.notice;
      const row = (await strapi.db.query(UID.privacy).findOne({})) as NoticeRow | null;
      cached = { notice: toPrivacyNotice(row), at: Date.now() };
      return cached.notice;
    },

    /** One published version as it read then, or null when there is no such version. */
    async version(version: number): Promise<PrivacyNotice | null> {
      const row = (await strapi.db.query(UID.privacyVersion).findOne({ where: { version } })) as {
        version: number;
        versionDate: string;
        notice: Pick<PrivacyNotice, 'summary' | 'sections'>;
      } | null;
      return row ? { version: row.version, versionDate: iso(row.versionDate), ...row.notice } : null;
    },

    /**
     * The version a new request records: the one its form showed when the form says so (a published one,
     * never a later one), else the current one. An unknown number is the caller's mistake, refused.
     */
    async versionShown(shown: unknown): Promise<number | null> {
      const { version } = await this.current();
      if (shown === undefined || shown === null) return version || null;
      if (!Number.isInteger(shown) || (shown as number) < 1 || (shown as number) > version) {
        throw new errors.ValidationError('Versi pemberitahuan pelindungan data pribadi tidak dikenal. Muat ulang formulir lalu kirim lagi.', {
          errors: [{ path: ['privacyNoticeVersion'], message: 'Versi pemberitahuan tidak dikenal.', name: 'ValidationError' }],
        });
      }
      return shown as number;
    },

    invalidate(): void {
      cached = null;
    },
  };
};
