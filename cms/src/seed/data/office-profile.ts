import type { OfficeProfile } from '@layanan/config';

/**
 * The Dinas's identity on a fresh install, from its public pages (dispenduk.probolinggokota.go.id) and its
 * SOP number (…/425.111/2023). The street address, postcode, lambang and signatory are the Dinas's own to
 * enter in the admin ("Profil Dinas"): nothing here invents them.
 */
export const OFFICE_PROFILE: Omit<OfficeProfile, 'lambangUrl'> = {
  governmentName: 'Pemerintah Kota Probolinggo',
  officeName: 'Dinas Kependudukan dan Pencatatan Sipil',
  regionName: 'Kota Probolinggo',
  shortName: 'Disdukcapil Kota Probolinggo',
  city: 'Probolinggo',
  address: 'Kota Probolinggo, Jawa Timur',
  postcode: '',
  phone: '(0335) 4438894',
  email: 'dispendukkotaprob@gmail.com',
  website: 'https://dispenduk.probolinggokota.go.id',
  classificationCode: '400.14.4',
  unitCode: '425.111',
  signatoryPosition: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
  signatoryMode: 'definitive',
  signerPosition: '',
  signatoryName: '',
  signatoryRank: '',
  signatoryNip: '',
  paperSize: 'A4',
};
