import type { Core } from '@strapi/strapi';
import {
  CLOCK_MODE_LABELS,
  DEFAULT_SOP_POLICY,
  HOLIDAY_KIND_LABELS,
  INVITATION_DAYS,
  LAPOR_CLOCK_TABLE,
  SERVICE_CATEGORY_LABELS,
  SOP_STEP_TABLE,
  type LaporClock,
  type SopStep,
} from '@layanan/config';

/** How one field reads in the admin panel: its label, the hint under it, and whether an editor may change it. */
interface FieldView {
  label: string;
  description?: string;
  visible?: boolean;
  editable?: boolean;
}

/** The content-manager view of one editor content type: field wording, the entry's title and the list columns. */
export interface EditorView {
  mainField: string;
  list: string[];
  sortBy: string;
  sortOrder: 'ASC' | 'DESC';
  /** Rows of the edit form as [field, width of 12]; Strapi's own arrangement when absent. */
  edit?: [string, number][][];
  fields: Record<string, FieldView>;
}

/** An enumeration's options as the editor's select shows them, never the codes the database stores. */
function choices(labels: Record<string, { id: string }>, separator = ', '): string {
  return Object.values(labels)
    .map((label) => label.id)
    .join(separator);
}

/** The budget of each step as editors name it. */
const STEP_BUDGET_NAME: Record<SopStep, string> = { triage: 'Menit pemilahan', coordination: 'Menit koordinasi', answer: 'Menit menjawab' };

const STEP_BUDGET_FIELDS: Record<string, FieldView> = Object.fromEntries(
  SOP_STEP_TABLE.map(({ step, number, label, budgetField, defaultMinutes }) => [
    budgetField,
    {
      label: `${STEP_BUDGET_NAME[step]} (langkah ${number})`,
      description: `Batas waktu dalam menit untuk ${label.id.toLowerCase()} (SOP: ${defaultMinutes} menit). Berlaku untuk permohonan baru.`,
    },
  ]),
);

/** SP4N-LAPOR!'s limits as editors name them. */
const LAPOR_BUDGET_NAME: Record<LaporClock, string> = {
  lapor_forwarding: 'Hari kerja verifikasi LAPOR!',
  lapor_follow_up: 'Hari kerja tindak lanjut LAPOR!',
  lapor_closure: 'Hari kerja penutupan LAPOR!',
};

const LAPOR_BUDGET_FIELDS: Record<string, FieldView> = Object.fromEntries(
  LAPOR_CLOCK_TABLE.map(({ clock, task, budgetField, defaultDays }) => [
    budgetField,
    {
      label: LAPOR_BUDGET_NAME[clock],
      description: `Batas SP4N-LAPOR! dalam hari kerja untuk ${task.id} (PermenPAN-RB 62/2018: ${defaultDays} hari kerja); hari laporan diterima tidak dihitung. Berlaku untuk laporan baru.`,
    },
  ]),
);

const SYSTEM_FIELDS: Record<string, FieldView> = {
  id: { label: 'ID' },
  documentId: { label: 'ID dokumen' },
  createdAt: { label: 'Dibuat' },
  updatedAt: { label: 'Diperbarui' },
  publishedAt: { label: 'Diterbitkan' },
  createdBy: { label: 'Dibuat oleh' },
  updatedBy: { label: 'Diperbarui oleh' },
};

export const EDITOR_VIEWS: Record<string, EditorView> = {
  'api::faq-entry.faq-entry': {
    mainField: 'question',
    list: ['question', 'serviceCategory', 'division'],
    sortBy: 'updatedAt',
    sortOrder: 'DESC',
    edit: [[['question', 12]], [['answer', 12]], [['serviceCategory', 6], ['division', 6]], [['keywords', 12]]],
    fields: {
      question: { label: 'Pertanyaan', description: 'Pertanyaan seperti yang biasa diajukan warga; menjadi judul di halaman FAQ publik (paling banyak 300 karakter).' },
      answer: { label: 'Jawaban', description: 'Jawaban lengkap yang dibaca warga. Petugas juga dapat menyisipkannya saat menjawab permohonan.' },
      serviceCategory: {
        label: 'Kategori layanan',
        description: `Layanan yang dibahas (${choices(SERVICE_CATEGORY_LABELS)}); halaman FAQ publik dikelompokkan menurut kategori ini.`,
      },
      division: { label: 'Bidang', description: 'Bidang yang menangani layanan ini; membantu petugas meneruskan permohonan serupa.' },
      keywords: {
        label: 'Kata kunci',
        description: 'Kata lain yang dipakai warga, satu per baris: tekan "Tambah entri" untuk menambah, ikon tempat sampah untuk menghapus. Dipakai pencarian FAQ dan saran Bidang.',
      },
    },
  },
  'api::search-synonym.search-synonym': {
    mainField: 'words',
    list: ['words', 'updatedAt'],
    sortBy: 'updatedAt',
    sortOrder: 'DESC',
    fields: {
      words: {
        label: 'Kata yang sama artinya',
        description:
          'Kata atau frasa yang dipakai warga untuk hal yang sama, dipisahkan koma, misalnya: akta, akte atau KK, kartu keluarga. Pencarian FAQ dan saran Bidang memperlakukannya sebagai satu kata; berlaku begitu disimpan.',
      },
    },
  },
  'api::division.division': {
    mainField: 'name',
    list: ['name', 'code', 'active'],
    sortBy: 'name',
    sortOrder: 'ASC',
    fields: {
      name: { label: 'Nama Bidang', description: 'Nama lengkap, misalnya Bidang Pendaftaran Penduduk; tampil di dasbor, di Telegram dan di halaman lacak.' },
      code: { label: 'Kode', description: 'Kode singkat yang unik, huruf besar (misalnya DAFDUK); dipakai laporan dan filter. Jangan diubah setelah dipakai.' },
      description: { label: 'Keterangan', description: 'Uraian tugas Bidang untuk petugas.' },
      topics: {
        label: 'Topik',
        description:
          'Kata atau topik yang ditangani Bidang, masing-masing dalam tanda kutip, dipisahkan koma, di antara kurung siku: ["ktp-el", "kartu keluarga"]. Dipakai untuk menyarankan Bidang saat memilah (langkah 2).',
      },
      active: { label: 'Aktif', description: 'Hanya Bidang yang aktif dapat dipilih petugas saat meneruskan permohonan.' },
      staff: { label: 'Staf Bidang', description: 'Akun staf Bidang ini; staf yang menautkan Telegram menerima pemberitahuan.' },
      // Routing is the workflow's alone (SOP step 2): the requests of a Bidang are not edited here.
      inquiries: { label: 'Permohonan', visible: false, editable: false },
    },
  },
  'plugin::users-permissions.user': {
    mainField: 'fullName',
    list: ['fullName', 'email', 'role', 'division', 'blocked'],
    sortBy: 'fullName',
    sortOrder: 'ASC',
    edit: [[['fullName', 6], ['email', 6]], [['username', 6], ['password', 6]], [['role', 6], ['division', 6]], [['blocked', 6], ['invitedAt', 6]]],
    fields: {
      fullName: { label: 'Nama lengkap', description: 'Nama yang tampil di dasbor, di Telegram dan di riwayat permohonan.' },
      email: { label: 'E-mail', description: 'Alamat e-mail dinas orang ini: undangan dan tautan lupa kata sandi dikirim ke sini; dipakai untuk masuk.' },
      username: { label: 'Nama pengguna', description: 'Nama singkat tanpa spasi, misalnya rina.wulandari; dapat juga dipakai untuk masuk.' },
      password: {
        label: 'Kata sandi',
        description: `Biarkan kosong: orang ini menerima undangan lewat e-mail dan membuat kata sandinya sendiri (berlaku ${INVITATION_DAYS} hari).`,
      },
      role: { label: 'Peran', description: 'Petugas Layanan Informasi, Staf Bidang atau Pimpinan: menentukan apa yang boleh dilihat dan dikerjakan.' },
      division: { label: 'Bidang', description: 'Untuk Staf Bidang: Bidang tempat orang ini bekerja; ia hanya melihat permohonan Bidang ini.' },
      blocked: {
        label: 'Diblokir',
        description: 'Untuk staf yang pindah atau berhenti: akun diblokir, tidak dihapus. Orang ini tidak dapat masuk lagi; namanya tetap tampil di riwayat permohonan.',
      },
      invitedAt: { label: 'Undangan terakhir', description: 'Kapan undangan terakhir dikirim; kirim ulang dengan tombol "Kirim ulang undangan".', editable: false },
      provider: { label: 'Penyedia', visible: false },
      confirmed: { label: 'Terkonfirmasi', visible: false },
      resetPasswordToken: { label: 'Kode atur sandi', visible: false, editable: false },
      confirmationToken: { label: 'Kode konfirmasi', visible: false, editable: false },
    },
  },
  'api::holiday.holiday': {
    mainField: 'name',
    list: ['date', 'name', 'kind'],
    sortBy: 'date',
    sortOrder: 'ASC',
    fields: {
      date: { label: 'Tanggal', description: 'Hari libur: jam SOP tidak berjalan pada tanggal ini. Setiap tanggal hanya boleh dicatat sekali.' },
      name: { label: 'Nama hari libur', description: 'Misalnya Hari Raya Idulfitri 1447 Hijriah atau Cuti Bersama Idulfitri.' },
      kind: { label: 'Jenis', description: `${choices(HOLIDAY_KIND_LABELS)}; cuti bersama mengikuti SKB tiga menteri tahun itu.` },
    },
  },
  'api::sop-policy.sop-policy': {
    mainField: 'sopNumber',
    list: ['sopNumber', 'revisionDate', 'revision'],
    sortBy: 'sopNumber',
    sortOrder: 'ASC',
    fields: {
      sopNumber: { label: 'Nomor SOP', description: `Nomor dokumen SOP yang berlaku, misalnya ${DEFAULT_SOP_POLICY.sopNumber}.` },
      revisionDate: { label: 'Tanggal revisi', description: 'Tanggal revisi dokumen SOP yang berlaku.' },
      revision: { label: 'Revisi ke-', description: 'Naik sendiri setiap kali kebijakan disimpan; permohonan lama tetap memakai revisi yang berlaku saat diterima.', editable: false },
      ...STEP_BUDGET_FIELDS,
      ...LAPOR_BUDGET_FIELDS,
      reminderThreshold: {
        label: 'Ambang pengingat',
        description: `Bagian dari batas waktu saat pengingat dikirim, antara 0,1 dan 0,99; ${String(DEFAULT_SOP_POLICY.reminderThreshold).replace('.', ',')} berarti pada ${DEFAULT_SOP_POLICY.reminderThreshold * 100} %.`,
      },
      clockMode: { label: 'Cara menghitung waktu', description: `${choices(CLOCK_MODE_LABELS, '; ')}. SOP memakai jam kerja.` },
      officeHours: {
        label: 'Jam kantor',
        description: 'Satu baris per sesi: hari, jam buka, jam tutup. Sesi terpisah (misalnya istirahat siang) dibuat dua baris untuk hari yang sama; hari tanpa baris berarti kantor tutup.',
      },
      timeZone: { label: 'Zona waktu', description: 'Zona waktu kantor, misalnya Asia/Jakarta (WIB).' },
    },
  },
  'api::office-profile.office-profile': {
    mainField: 'officeName',
    list: ['officeName', 'regionName', 'city'],
    sortBy: 'officeName',
    sortOrder: 'ASC',
    fields: {
      governmentName: { label: 'Nama Pemerintah Daerah', description: 'Baris pertama kop, misalnya "Pemerintah Kota Probolinggo".' },
      officeName: { label: 'Nama Dinas', description: 'Baris kedua kop, tanpa nama daerah, misalnya "Dinas Kependudukan dan Pencatatan Sipil".' },
      regionName: { label: 'Nama daerah', description: 'Ditulis sesudah nama Dinas bila berdiri sendiri (tanda tangan surel, pesan chat), misalnya "Kota Probolinggo".' },
      shortName: { label: 'Nama singkat', description: 'Dipakai bila tempat terbatas (menu, judul), misalnya "Disdukcapil Kota Probolinggo".' },
      city: { label: 'Tempat penandatanganan', description: 'Ditulis sebelum tanggal dokumen: "Probolinggo, 1 Desember 2026".' },
      address: { label: 'Alamat', description: 'Alamat kantor pada kop dan tanda tangan surel.' },
      postcode: { label: 'Kode pos' },
      phone: { label: 'Telepon', description: 'Misalnya (0335) 4438894.' },
      email: { label: 'Pos-el (e-mail)' },
      website: { label: 'Laman (website)' },
      lambang: { label: 'Lambang daerah', description: 'Gambar lambang untuk kop (PNG atau JPEG, latar putih atau transparan).' },
      classificationCode: { label: 'Kode klasifikasi arsip', description: 'Permendagri 83/2022, bagian pertama nomor Rekap Informasi, misalnya 400.14.4. Kosongkan bila Rekap tidak diberi nomor.' },
      unitCode: { label: 'Kode unit', description: 'Kode Dinas dalam penomoran naskah Pemda, misalnya 425.111.' },
      signatoryPosition: { label: 'Jabatan penanda tangan', description: 'Jabatan pejabat yang berwenang, lengkap: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo".' },
      signatoryMode: { label: 'Cara penandatanganan', description: 'definitive = pejabat definitif; on_behalf = atas nama (a.n.); acting = Pelaksana Tugas (Plt.); daily = Pelaksana Harian (Plh.).' },
      signerPosition: { label: 'Jabatan penanda tangan a.n.', description: 'Hanya untuk a.n.: jabatan pejabat yang menandatangani, misalnya "Sekretaris".' },
      signatoryName: { label: 'Nama penanda tangan', description: 'Nama lengkap dengan gelar (Permendagri 1/2023 Pasal 44).' },
      signatoryRank: { label: 'Pangkat/golongan', description: 'Misalnya "Pembina Tingkat I (IV/b)".' },
      signatoryNip: { label: 'NIP', description: '18 angka; dicetak berkelompok 8-6-1-3.' },
      paperSize: { label: 'Ukuran kertas', description: 'A4 (bawaan untuk laporan) atau F4 (215 × 330 mm), sesuai Perwali tata naskah dinas.' },
    },
  },
  'api::privacy-notice.privacy-notice': {
    mainField: 'summary',
    list: ['version', 'versionDate'],
    sortBy: 'version',
    sortOrder: 'DESC',
    fields: {
      summary: { label: 'Ringkasan', description: 'Dua sampai empat kalimat untuk formulir, tanda terima cetak dan dibacakan petugas di telepon (paling banyak 700 huruf).' },
      controller: { label: 'Siapa yang memproses data', description: 'Nama Dinas sebagai pengendali data dan siapa saja yang boleh membuka data pemohon.' },
      purpose: { label: 'Tujuan', description: 'Untuk apa data dipakai: menjawab permohonan sesuai SOP, rekap layanan.' },
      legalBasis: { label: 'Dasar pemrosesan', description: 'Pelayanan publik (UU 27/2022 Pasal 20 ayat (2) huruf e).' },
      dataCollected: { label: 'Data yang dicatat', description: 'Jenis data pribadi yang dicatat.' },
      retention: { label: 'Jangka waktu penyimpanan', description: 'Sesuaikan dengan Jadwal Retensi Arsip (Perwali JRA) yang berlaku.' },
      rights: { label: 'Hak pemohon', description: 'Hak melihat, membetulkan, membatasi dan meminta penghapusan (3 × 24 jam).' },
      contact: { label: 'Kontak', description: 'Petugas Pelindungan Data dan cara menghubunginya.' },
      version: { label: 'Versi', description: 'Naik sendiri setiap kali teksnya diubah dan disimpan; versi lama tetap tersimpan dan dapat dibuka di /privasi?versi=N.', editable: false },
      versionDate: { label: 'Berlaku sejak', description: 'Diisi sendiri saat disimpan.', editable: false },
    },
  },
  'api::service-standard.service-standard': {
    mainField: 'serviceName',
    list: ['serviceName', 'reviewedOn'],
    sortBy: 'serviceName',
    sortOrder: 'ASC',
    fields: {
      serviceName: { label: 'Nama layanan', description: 'Judul Standar Pelayanan di halaman publik /kinerja.' },
      legalBasis: { label: 'Dasar hukum', description: 'Satu peraturan per baris.' },
      requirements: { label: 'Persyaratan', description: 'Satu persyaratan per baris.' },
      procedure: { label: 'Sistem, mekanisme dan prosedur', description: 'Satu langkah per baris, berurutan; waktu tiap langkah mengikuti Kebijakan SOP.' },
      timeLimit: { label: 'Jangka waktu penyelesaian', description: 'Satu kalimat per baris.' },
      fee: { label: 'Biaya/tarif', description: 'Layanan administrasi kependudukan tidak dipungut biaya.' },
      products: { label: 'Produk pelayanan', description: 'Satu produk per baris.' },
      complaints: { label: 'Penanganan pengaduan, saran dan masukan', description: 'Satu saluran per baris.' },
      pledge: { label: 'Maklumat Pelayanan', description: 'Janji Dinas kepada masyarakat, sebagaimana ditandatangani dan dipasang di ruang layanan.' },
      reviewedOn: { label: 'Tanggal terakhir ditinjau', description: 'Ubah setiap kali standar ditinjau ulang, meskipun isinya tetap.' },
    },
  },
};

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: { name: string; size: number }[][] };
}

interface ConfigurationService {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Partial<Configuration>): Promise<unknown>;
}

export function editorConfiguration(current: Configuration, view: EditorView): Partial<Configuration> {
  const metadatas = { ...current.metadatas };
  for (const [name, field] of Object.entries({ ...SYSTEM_FIELDS, ...view.fields })) {
    const metadata = metadatas[name];
    if (!metadata) continue;
    const { label, ...edit } = field;
    metadatas[name] = {
      edit: Object.keys(metadata.edit).length === 0 ? metadata.edit : { ...metadata.edit, label, description: '', ...edit },
      list: { ...metadata.list, label },
    };
  }
  return {
    settings: { ...current.settings, mainField: view.mainField, defaultSortBy: view.sortBy, defaultSortOrder: view.sortOrder },
    metadatas,
    layouts: {
      ...current.layouts,
      list: view.list,
      ...(view.edit && { edit: view.edit.map((row) => row.map(([name, size]) => ({ name, size }))) }),
    },
  };
}

/**
 * The editors' screens read the same on every install: labels, hints, titles and list columns come from
 * here at every start, after the content manager has synced its stored views with the schemas.
 */
export async function applyEditorViews(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types') as ConfigurationService;
  for (const [uid, view] of Object.entries(EDITOR_VIEWS)) {
    const current = await contentTypes.findConfiguration({ uid });
    await contentTypes.updateConfiguration({ uid }, editorConfiguration(current, view));
  }
}
