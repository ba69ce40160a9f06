/** Where a request arrives; the answer goes back through the same one (SOP step 4). */
export const CHANNELS = [
  'walk_in',
  'phone',
  'website',
  'email',
  'whatsapp',
  'telegram',
  'lapor_sp4n',
  'view_probolinggo',
  'radio',
  'facebook',
  'instagram',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, { id: string; en: string }> = {
  walk_in: { id: 'Datang langsung', en: 'Walk-in' },
  phone: { id: 'Telepon', en: 'Telephone' },
  website: { id: 'Website', en: 'Website' },
  email: { id: 'E-mail', en: 'E-mail' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  telegram: { id: 'Telegram', en: 'Telegram' },
  lapor_sp4n: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  view_probolinggo: { id: 'View Probolinggo', en: 'View Probolinggo' },
  radio: { id: 'Radio Suara Kota', en: 'Radio Suara Kota' },
  facebook: { id: 'Facebook', en: 'Facebook' },
  instagram: { id: 'Instagram', en: 'Instagram' },
};

/** Channels an officer records by hand (SOP 2a, and 2b sources without an adapter). */
export const OFFICER_INTAKE_CHANNELS: readonly Channel[] = [
  'walk_in',
  'phone',
  'radio',
  'view_probolinggo',
  'lapor_sp4n',
  'email',
  'whatsapp',
  'facebook',
  'instagram',
];

export const KINDS = ['information', 'complaint'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, { id: string; en: string }> = {
  information: { id: 'Informasi', en: 'Information' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
};

export const SERVICE_CATEGORIES = [
  'ktp_el',
  'kk',
  'kia',
  'akta_kelahiran',
  'akta_kematian',
  'perkawinan_perceraian',
  'pindah_datang',
  'lainnya',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, { id: string; en: string }> = {
  ktp_el: { id: 'KTP-el', en: 'Electronic ID card' },
  kk: { id: 'Kartu Keluarga', en: 'Family card' },
  kia: { id: 'Kartu Identitas Anak', en: 'Child ID card' },
  akta_kelahiran: { id: 'Akta Kelahiran', en: 'Birth certificate' },
  akta_kematian: { id: 'Akta Kematian', en: 'Death certificate' },
  perkawinan_perceraian: { id: 'Perkawinan/Perceraian', en: 'Marriage/Divorce' },
  pindah_datang: { id: 'Pindah-Datang', en: 'Moving in/out' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};
