import { officeFullName, type OfficeProfile } from './office';

/**
 * The privacy notice a citizen is shown when their data is collected (UU 27/2022 Pasal 21): who processes
 * the data, for what, on what basis, how long it is kept, the citizen's rights and whom to ask. The texts
 * are content the editors keep in the admin ("Pemberitahuan Pelindungan Data Pribadi"); each save is a new
 * version, and every request stores the version its citizen was shown.
 */

/** The notice's parts in the order a citizen reads them. */
export const PRIVACY_NOTICE_SECTIONS = ['controller', 'purpose', 'legalBasis', 'dataCollected', 'retention', 'rights', 'contact'] as const;
export type PrivacyNoticeSection = (typeof PRIVACY_NOTICE_SECTIONS)[number];

export const PRIVACY_SECTION_TITLES: Record<PrivacyNoticeSection, string> = {
  controller: 'Siapa yang memproses data Anda',
  purpose: 'Untuk apa',
  legalBasis: 'Dasar pemrosesan',
  dataCollected: 'Data yang kami catat',
  retention: 'Berapa lama disimpan',
  rights: 'Hak Anda',
  contact: 'Menghubungi kami',
};

export const PRIVACY_NOTICE_TITLE = 'Pemberitahuan Pelindungan Data Pribadi';

export interface PrivacyNotice {
  /** 1 for the first saved text, one more at each save that changes it; 0 when none was ever saved. */
  version: number;
  /** When this version was saved (ISO), or null before the first. */
  versionDate: string | null;
  /** A few sentences for the forms, the printed receipt and reading out on the telephone. */
  summary: string;
  sections: Record<PrivacyNoticeSection, string>;
}

/** A citizen's form sends the version it showed; the server keeps it when it is one it has published. */
export const PRIVACY_VERSION_FIELD = 'privacyNoticeVersion';

/** The notice's texts as Pasal 21 asks for them, in plain Bahasa Indonesia, with the Dinas named from its profile. */
export function defaultPrivacyNotice(office: Pick<OfficeProfile, 'officeName' | 'regionName' | 'address' | 'phone' | 'email'>): Pick<PrivacyNotice, 'summary' | 'sections'> {
  const name = officeFullName(office);
  const contacts = [office.address && `datang ke kantor kami di ${office.address}`, office.phone && `telepon ${office.phone}`, office.email && `e-mail ${office.email}`].filter(Boolean).join(', ');
  return {
    summary: `${name} mencatat nama, kontak, NIK (bila diberikan) dan isi permohonan Anda hanya untuk menjawab permohonan ini sesuai SOP pelayanan informasi dan untuk rekap layanan. Dasarnya pelayanan publik (UU 27/2022 Pasal 20). Data disimpan sesuai jadwal retensi arsip, lalu dianonimkan. Anda berhak melihat, membetulkan, membatasi atau meminta penghapusan data Anda.`,
    sections: {
      controller: `${name} (Pengendali Data Pribadi). Yang membuka data Anda hanya petugas layanan informasi, staf bidang yang menangani permohonan Anda, dan pimpinan; setiap kali data Anda dibuka, sistem mencatat siapa, kapan dan dari mana.`,
      purpose: 'Menjawab permohonan informasi atau pengaduan Anda sesuai SOP Pelayanan Informasi kepada Masyarakat, mengirim jawaban lewat saluran yang Anda pakai, meminta penilaian kepuasan (SKM), dan menyusun rekap layanan tanpa nama.',
      legalBasis: 'Pelaksanaan tugas pelayanan publik dan kewenangan Dinas (UU 27/2022 tentang Pelindungan Data Pribadi Pasal 20 ayat (2) huruf e; UU 25/2009 tentang Pelayanan Publik). Data Anda tidak dijual dan tidak dibagikan kepada pihak lain di luar yang diwajibkan peraturan.',
      dataCollected: 'Nama; nomor telepon, alamat e-mail atau akun percakapan yang Anda pakai; NIK bila Anda memberikannya; isi permohonan, pesan dan lampiran yang Anda kirim; waktu dan saluran permohonan.',
      retention: 'Selama permohonan diproses, lalu sesuai Jadwal Retensi Arsip Pemerintah Kota (sementara 2 tahun sesudah permohonan selesai). Sesudah itu nama, kontak, NIK, pesan dan lampiran dihapus atau dianonimkan; yang tersisa hanya angka rekap tanpa data pribadi.',
      rights: 'Anda berhak mendapat informasi tentang pemrosesan data Anda, melihat dan mendapat salinan data Anda beserta catatan siapa yang membukanya, membetulkan data yang keliru, meminta pembatasan pemrosesan, dan meminta penghapusan bila tidak lagi diperlukan. Permintaan dijawab paling lambat 3 × 24 jam (UU 27/2022 Pasal 30, 32, 41).',
      contact: `Petugas Pelindungan Data ${name}: ${contacts || 'lewat petugas layanan informasi'}. Sebutkan kode permohonan Anda bila ada.`,
    },
  };
}

/** What `GET /api/public/privacy-notice` answers: one version of the notice, with the Dinas it names. */
export interface PublicPrivacyNotice {
  title: string;
  version: number;
  versionDate: string | null;
  /** The version in force now: a page showing an older one says so. */
  currentVersion: number;
  summary: string;
  sections: { name: PrivacyNoticeSection; title: string; text: string }[];
  office: import('./office').PublicOffice;
}
