import type { Core } from '@strapi/strapi';
import { PAPER_SIZES, SIGNATORY_MODES, type OfficeProfile, type PaperSize, type SignatoryMode } from '@layanan/config';
import { UID } from '../utils';

type ProfileRow = { [K in keyof Omit<OfficeProfile, 'lambangUrl'>]?: string | null } & { lambang?: { url?: string | null } | null };

/**
 * Several instances each keep their copy: an edit on one reaches the others within this time; the
 * instance that saved it drops its copy at once (see the office-cache middleware).
 */
const CACHE_MS = 30_000;

const text = (value: string | null | undefined) => (value ?? '').trim();

export function toOfficeProfile(row: ProfileRow | null): OfficeProfile {
  const r = row ?? {};
  return {
    governmentName: text(r.governmentName),
    officeName: text(r.officeName),
    regionName: text(r.regionName),
    shortName: text(r.shortName),
    city: text(r.city),
    address: text(r.address),
    postcode: text(r.postcode),
    phone: text(r.phone),
    email: text(r.email),
    website: text(r.website),
    lambangUrl: r.lambang?.url ?? null,
    classificationCode: text(r.classificationCode),
    unitCode: text(r.unitCode),
    signatoryPosition: text(r.signatoryPosition),
    signatoryMode: SIGNATORY_MODES.includes(r.signatoryMode as SignatoryMode) ? (r.signatoryMode as SignatoryMode) : 'definitive',
    signerPosition: text(r.signerPosition),
    signatoryName: text(r.signatoryName),
    signatoryRank: text(r.signatoryRank),
    signatoryNip: text(r.signatoryNip),
    paperSize: PAPER_SIZES.includes(r.paperSize as PaperSize) ? (r.paperSize as PaperSize) : 'A4',
  };
}

/** The Dinas's identity as editors keep it in "Profil Dinas": every document, message and public page reads it here. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { profile: OfficeProfile; at: number } | null = null;

  return {
    async current(): Promise<OfficeProfile> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.profile;
      const row = (await strapi.db.query(UID.office).findOne({ populate: { lambang: { select: ['url'] } } })) as ProfileRow | null;
      cached = { profile: toOfficeProfile(row), at: Date.now() };
      return cached.profile;
    },
    invalidate(): void {
      cached = null;
    },
  };
};
