import { DEFAULT_SOP_POLICY, type PublicServiceStandard } from '@layanan/config';

const { triageMinutes, coordinationMinutes, answerMinutes, laporFollowUpDays } = DEFAULT_SOP_POLICY;

/**
 * The Standar Pelayanan and Maklumat Pelayanan of the information service on a fresh install, from the SOP
 * (SOP/P.6.5/01/425.111/2023: its legal basis, steps and times), the regulations on service standards, the SKM and
 * complaints, and the Dinas's published complaint channels. Editors
 * review and keep it in the admin; each line of a list field is one item on the public page.
 */
export const SERVICE_STANDARD: PublicServiceStandard = {
  serviceName: 'Pelayanan Informasi kepada Masyarakat',
  legalBasis: [
    'Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan, sebagaimana diubah dengan Undang-Undang Nomor 24 Tahun 2013',
    'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
    'Keputusan Presiden Nomor 88 Tahun 2004 tentang Pengelolaan Informasi Administrasi Kependudukan',
    'Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil',
    'Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan',
    'Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat',
    'Peraturan Menteri PANRB Nomor 62 Tahun 2018 tentang Pedoman Teknis Pengelolaan Pengaduan Pelayanan Publik Nasional',
    'Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2011 tentang Pedoman Pengkajian, Pengembangan dan Pengelolaan SIAK',
    'Peraturan Wali Kota Probolinggo Nomor 51 Tahun 2022 tentang Perubahan atas Peraturan Wali Kota Probolinggo Nomor 12 Tahun 2022 tentang Kedudukan, Susunan Organisasi, Uraian Tugas dan Fungsi serta Tata Kerja Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
  ].join('\n'),
  requirements: [
    'Pertanyaan atau pengaduan tentang layanan administrasi kependudukan, disampaikan langsung, lewat telepon, atau lewat kanal daring',
    'Nama pemohon dan satu kontak untuk jawaban (nomor HP, e-mail, atau akun pesan yang dipakai)',
    'NIK hanya bila informasi menyangkut data kependudukan pemohon sendiri',
  ].join('\n'),
  procedure: [
    'Pemohon menyampaikan permohonan informasi atau pengaduan dan menerima kode pelacakan',
    `Petugas Layanan Informasi dan Pengaduan mempelajari dan memilah permohonan, lalu meneruskannya ke Bidang terkait (${triageMinutes} menit)`,
    `Petugas berkoordinasi dengan Bidang Pendaftaran Penduduk atau Bidang Pencatatan Sipil untuk mendapatkan informasinya (${coordinationMinutes / 60} jam)`,
    `Petugas menyampaikan jawaban lewat media yang dipakai pemohon (${answerMinutes / 60} jam)`,
    'Setiap permohonan dicatat dalam Rekap Informasi; pemohon dapat mengisi Survei Kepuasan Masyarakat',
  ].join('\n'),
  timeLimit: [
    `Paling lama ${triageMinutes} menit untuk pemilahan, ${coordinationMinutes / 60} jam untuk koordinasi dengan Bidang, dan ${answerMinutes / 60} jam untuk penyampaian jawaban, dihitung dalam jam layanan.`,
    `Pengaduan melalui SP4N-LAPOR! ditindaklanjuti paling lama ${laporFollowUpDays} hari kerja sejak diteruskan.`,
  ].join('\n'),
  fee: 'Gratis, tidak dipungut biaya (Undang-Undang Nomor 24 Tahun 2013 Pasal 79A)',
  products: ['Informasi tentang layanan administrasi kependudukan', 'Jawaban atas pengaduan, disampaikan lewat media yang dipakai pemohon'].join('\n'),
  complaints: [
    'Datang langsung ke kantor atau kotak saran',
    'Telepon (0335) 4438894',
    'E-mail, WhatsApp, dan formulir di laman ini',
    'Radio Suara Kota',
    'SP4N-LAPOR! (lapor.go.id) dan VIEW Probolinggo',
    'Media sosial Pemerintah Kota Probolinggo: Instagram dan Facebook',
  ].join('\n'),
  pledge:
    'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, ' +
    'memberikan pelayanan tanpa biaya, tepat waktu dan tanpa diskriminasi, dan apabila tidak menepati janji ini, ' +
    'kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
  reviewedOn: DEFAULT_SOP_POLICY.revisionDate,
};
