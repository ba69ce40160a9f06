/**
 * The office that runs the SOP, as its documents and messages name it. The values are content the
 * editors keep in the admin ("Profil Dinas"); this file holds only their shape and the pure rules that
 * turn them into a kop, a signature block (Permendagri 1/2023 Pasal 44) and a document number
 * (Permendagri 83/2022: kode klasifikasi / nomor urut / kode unit / tahun).
 */

/** Who signs: the official themselves, or on their behalf (a.n.), or standing in (Plt. for good, Plh. for a while). */
export const SIGNATORY_MODES = ['definitive', 'on_behalf', 'acting', 'daily'] as const;
export type SignatoryMode = (typeof SIGNATORY_MODES)[number];

export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface OfficeProfile {
  /** "Pemerintah Kota Probolinggo": the kop's first line. */
  governmentName: string;
  /** "Dinas Kependudukan dan Pencatatan Sipil": the kop's second line. */
  officeName: string;
  /** "Kota Probolinggo": what follows the office's name when it stands alone. */
  regionName: string;
  /** "Disdukcapil Kota Probolinggo": where space is short (a menu, a chat signature's footer). */
  shortName: string;
  /** The place written before a document's date: "Probolinggo, 1 Desember 2026". */
  city: string;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  /** The lambang daerah's URL in the media library, or null when none is uploaded. */
  lambangUrl: string | null;
  /** Kode klasifikasi arsip of the Rekap Informasi (Permendagri 83/2022), e.g. 400.14.4. */
  classificationCode: string;
  /** The unit's code in the Pemda's numbering, e.g. 425.111. */
  unitCode: string;
  /** The signing official's full jabatan: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo". */
  signatoryPosition: string;
  signatoryMode: SignatoryMode;
  /** The signer's own jabatan when signing a.n. (e.g. "Sekretaris"). */
  signerPosition: string;
  /** Name with academic titles, as Pasal 44(2)–(3) asks. */
  signatoryName: string;
  /** Pangkat/golongan: "Pembina Tingkat I (IV/b)". */
  signatoryRank: string;
  signatoryNip: string;
  paperSize: PaperSize;
}

/** What anyone may read: the office's public identity, without the signatory (a person) or the numbering codes. */
export type PublicOffice = Pick<
  OfficeProfile,
  'governmentName' | 'officeName' | 'regionName' | 'shortName' | 'city' | 'address' | 'postcode' | 'phone' | 'email' | 'website' | 'lambangUrl'
> & { fullName: string };

/**
 * Whether the office is open at this moment (GET /api/public/office/status). Closed, a request is still
 * received at once, but its clock starts at `resumesAt` (null when the calendar has no working time left);
 * `holiday` names today's holiday when that is why.
 */
export type PublicOfficeStatus = { open: true } | { open: false; resumesAt: string | null; holiday: string | null };

/** "Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo". */
export const officeFullName = (office: Pick<OfficeProfile, 'officeName' | 'regionName'>): string =>
  [office.officeName, office.regionName].map((part) => part.trim()).filter(Boolean).join(' ');

export function publicOfficeOf(office: OfficeProfile): PublicOffice {
  const { governmentName, officeName, regionName, shortName, city, address, postcode, phone, email, website, lambangUrl } = office;
  return { governmentName, officeName, regionName, shortName, city, address, postcode, phone, email, website, lambangUrl, fullName: officeFullName(office) };
}

/** The postal line a signature or a kop prints: "Jalan …, Kota Probolinggo 67219". */
export const officeAddressLine = (office: Pick<OfficeProfile, 'address' | 'postcode'>): string =>
  [office.address.trim(), office.postcode.trim()].filter(Boolean).join(' ');

/** The kop's contact line: "Telepon (0335) 4438894, Laman dispenduk.probolinggokota.go.id, Pos-el …". */
export function officeContactLine(office: Pick<OfficeProfile, 'phone' | 'website' | 'email'>): string {
  return [
    office.phone && `Telepon ${office.phone}`,
    office.website && `Laman ${office.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}`,
    office.email && `Pos-el ${office.email}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const MODE_PREFIX: Record<SignatoryMode, string> = { definitive: '', on_behalf: 'a.n. ', acting: 'Plt. ', daily: 'Plh. ' };

export interface SignatureBlock {
  /** The jabatan lines, each ending as the rule writes it (the last one with a comma). */
  positionLines: string[];
  name: string;
  rank: string;
  /** "NIP 19700101 199503 1 001", or empty when none is kept. */
  nip: string;
}

/** Pasal 44: jabatan (with a.n./Plt./Plh.), then name with titles, pangkat/golongan and NIP. */
export function signatureBlock(office: Pick<OfficeProfile, 'signatoryPosition' | 'signatoryMode' | 'signerPosition' | 'signatoryName' | 'signatoryRank' | 'signatoryNip'>): SignatureBlock {
  const position = office.signatoryPosition.trim().toUpperCase();
  const lines =
    office.signatoryMode === 'on_behalf' && office.signerPosition.trim()
      ? [`${MODE_PREFIX.on_behalf}${position}`, `${office.signerPosition.trim()},`]
      : [`${MODE_PREFIX[office.signatoryMode]}${position},`];
  const nip = office.signatoryNip.replace(/\s+/g, '');
  return {
    positionLines: lines,
    name: office.signatoryName.trim(),
    rank: office.signatoryRank.trim(),
    nip: nip ? `NIP ${/^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip}` : '',
  };
}

/** "400.14.4/0007/425.111/2026": the running number padded to four digits; null without the codes. */
export function documentNumber(office: Pick<OfficeProfile, 'classificationCode' | 'unitCode'>, serial: number, year: number): string | null {
  if (!office.classificationCode.trim() || !office.unitCode.trim()) return null;
  return `${office.classificationCode.trim()}/${String(serial).padStart(4, '0')}/${office.unitCode.trim()}/${year}`;
}
