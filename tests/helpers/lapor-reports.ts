/**
 * LAPOR! reports as officers copy them from the report page of the Dinas' admin account, and as LAPOR!'s
 * notification mails state them: the layouts differ (label and colon, label on its own line, table cells
 * pasted with tabs), and so do the dates. The people, addresses and numbers are made up.
 */
export interface ReportFixture {
  name: string;
  text: string;
  expected: {
    trackingId: string;
    reportedAt: string | null;
    reporter: string | null;
    category: string | null;
    content: RegExp;
    anonymous?: boolean;
    kind?: 'information' | 'complaint';
    serviceCategory?: string;
    title?: string | null;
  };
}

export const REPORT_FIXTURES: ReportFixture[] = [
  {
    name: 'the report page, label and colon',
    text: `Tracking ID : #4123567
Judul Laporan : KTP-el tidak kunjung dicetak
Tanggal Laporan : Senin, 12 Januari 2026 10:15 WIB
Pelapor : Siti Rahayu
Kategori : Administrasi Kependudukan
Lokasi : Jl. Soekarno Hatta No. 12, Kel. Wiroborang, Kec. Mayangan, Kota Probolinggo
Isi Laporan :
Saya sudah melakukan perekaman KTP-el di Kantor Kecamatan Mayangan pada bulan Oktober 2025,
tetapi sampai sekarang KTP-el saya belum juga dicetak. Mohon kejelasannya.
Status : Verifikasi`,
    expected: { trackingId: '4123567', reportedAt: '2026-01-12T03:15:00.000Z', reporter: 'Siti Rahayu', category: 'Administrasi Kependudukan', content: /belum juga dicetak\. Mohon kejelasannya\.$/, kind: 'complaint', serviceCategory: 'ktp_el', title: 'KTP-el tidak kunjung dicetak' },
  },
  {
    name: 'the report page, labels on their own lines',
    text: `#4123601
Pengaduan

Judul
Akta kelahiran anak salah penulisan nama ibu

Pelapor
Ahmad Fauzi

Tanggal
03/02/2026 08.45

Kategori
Kependudukan dan Catatan Sipil

Isi Laporan
Akta kelahiran anak saya yang terbit minggu lalu menuliskan nama ibu "Nur Aini" padahal di KK tertulis "Nurul Aini".

Bagaimana cara membetulkannya dan apakah dikenakan biaya?

Lampiran
akta.jpg`,
    expected: { trackingId: '4123601', reportedAt: '2026-02-03T01:45:00.000Z', reporter: 'Ahmad Fauzi', category: 'Kependudukan dan Catatan Sipil', content: /Nurul Aini"\.\n\nBagaimana cara membetulkannya dan apakah dikenakan biaya\?$/, serviceCategory: 'akta_kelahiran' },
  },
  {
    name: 'the notification mail to the agency admin',
    text: `Yth. Admin Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo,

Terdapat laporan baru yang didisposisikan kepada instansi Anda melalui SP4N-LAPOR!.

Nomor Tiket    : 4123655
Judul          : Pelayanan KIA di Kelurahan Kanigaran
Tanggal        : 5 Februari 2026 pukul 13.20 WIB
Pelapor        : Dewi Lestari
Kategori       : Administrasi Kependudukan
Isi Laporan    : Anak saya belum mendapatkan KIA padahal berkas sudah diserahkan ke kelurahan sejak Desember.

Silakan login ke https://www.lapor.go.id untuk menindaklanjuti laporan ini.
Terima kasih.`,
    expected: { trackingId: '4123655', reportedAt: '2026-02-05T06:20:00.000Z', reporter: 'Dewi Lestari', category: 'Administrasi Kependudukan', content: /^Anak saya belum mendapatkan KIA padahal berkas sudah diserahkan ke kelurahan sejak Desember\.$/, serviceCategory: 'kia', title: 'Pelayanan KIA di Kelurahan Kanigaran' },
  },
  {
    name: 'an anonymous report',
    text: `Tracking ID: 4123702
Judul: Pungutan liar saat pengurusan KK
Tanggal Laporan: 10 Feb 2026 09:05
Pelapor: Anonim
Sifat Laporan: Anonim
Kategori: Pungutan Liar
Isi Laporan:
Di loket pelayanan ada oknum yang meminta uang Rp50.000 supaya Kartu Keluarga cepat jadi.`,
    expected: { trackingId: '4123702', reportedAt: '2026-02-10T02:05:00.000Z', reporter: null, category: 'Pungutan Liar', content: /meminta uang Rp50\.000/, anonymous: true, serviceCategory: 'kk' },
  },
  {
    name: 'a table of the admin page pasted with tabs',
    text: `No. Tiket\t4123750
Judul Laporan\tSyarat pindah domisili ke Kabupaten Probolinggo
Klasifikasi\tPermintaan Informasi
Tanggal Laporan\t2026-02-16 14:02:11
Nama Pelapor\tBambang Sutrisno
Kategori\tAdministrasi Kependudukan
Isi Laporan\tSaya mau pindah dari Kelurahan Jati ke Kecamatan Dringu, apa saja syaratnya?`,
    expected: { trackingId: '4123750', reportedAt: '2026-02-16T07:02:00.000Z', reporter: 'Bambang Sutrisno', category: 'Administrasi Kependudukan', content: /apa saja syaratnya\?$/, kind: 'information', serviceCategory: 'pindah_datang' },
  },
  {
    name: 'a report written in WITA, forwarded by another agency',
    text: `Laporan #4123788
Judul: Data perkawinan tidak tercatat di KK
Dilaporkan pada: Rabu, 18 Februari 2026, 11.30 WITA
Dilaporkan oleh: Yohanes Pratama (Pengguna terverifikasi)
Kategori: Kependudukan
Uraian:
Saya menikah di Denpasar dan sudah melapor ke Dukcapil Kota Probolinggo, tetapi status perkawinan di KK masih belum kawin.
Instansi Tujuan: Disdukcapil Kota Probolinggo`,
    expected: { trackingId: '4123788', reportedAt: '2026-02-18T03:30:00.000Z', reporter: 'Yohanes Pratama', category: 'Kependudukan', content: /masih belum kawin\.$/, serviceCategory: 'perkawinan_perceraian' },
  },
  {
    name: 'bullet points with a telephone and an e-mail',
    text: `• Tracking ID: 4123812
• Judul: Akta kematian ayah belum terbit
• Tanggal: 20 Februari 2026
• Nama: Rina Wulandari
• No. HP: 0812-3456-7890
• Email: rina.wulandari@contoh.id
• Kategori: Administrasi Kependudukan
• Lokasi: Jl. Panglima Sudirman Gg. Mawar No. 4, Kec. Kademangan
• Isi Laporan: Sudah dua minggu pengajuan akta kematian almarhum ayah saya belum terbit. Mohon dibantu.`,
    expected: { trackingId: '4123812', reportedAt: '2026-02-19T17:00:00.000Z', reporter: 'Rina Wulandari', category: 'Administrasi Kependudukan', content: /^Sudah dua minggu pengajuan akta kematian/, serviceCategory: 'akta_kematian' },
  },
  {
    name: 'the report page URL and a short date',
    text: `https://www.lapor.go.id/laporan/detil/4123840
Antrean perekaman KTP-el di MPP sangat panjang
Ditulis oleh Hendra Gunawan
Tanggal: 2 Mar 2026 07:50
Kategori: Pelayanan Publik
Isi:
Setiap pagi antrean sudah penuh jam 7, warga yang datang jam 8 tidak kebagian nomor. Mohon ditambah kuota.`,
    expected: { trackingId: '4123840', reportedAt: '2026-03-02T00:50:00.000Z', reporter: 'Hendra Gunawan', title: 'Antrean perekaman KTP-el di MPP sangat panjang', category: 'Pelayanan Publik', content: /Mohon ditambah kuota\.$/, serviceCategory: 'ktp_el' },
  },
  {
    name: 'a confidential report with the aspiration classification',
    text: `ID Laporan : 4123877
Jenis Laporan : Aspirasi
Judul : Usul layanan Dukcapil keliling di Kelurahan Sukabumi
Tanggal Laporan : 04-03-2026 16:10
Pelapor : Wahyu Hidayat
Sifat : Rahasia
Kategori : Administrasi Kependudukan
Isi Laporan :
Banyak lansia di RW 05 Kelurahan Sukabumi kesulitan datang ke kantor Dinas. Mohon diadakan layanan jemput bola.`,
    expected: { trackingId: '4123877', reportedAt: '2026-03-04T09:10:00.000Z', reporter: null, category: 'Administrasi Kependudukan', content: /layanan jemput bola\.$/, anonymous: false, kind: 'complaint' },
  },
  {
    name: 'a reminder mail with the tracking number in the text',
    text: `Pengingat SP4N-LAPOR!

Laporan dengan Tracking ID #4123901 belum ditindaklanjuti oleh instansi Anda.

Judul Laporan: Surat pindah belum diterbitkan
Tanggal Laporan: Kamis, 5 Maret 2026 pukul 08:00 WIB
Nama Pelapor: Lilik Suryani
Kategori: Administrasi Kependudukan
Isi Laporan:
Permohonan SKPWNI saya sejak 20 Februari belum diproses.
Mohon segera ditindaklanjuti.

Hormat kami,
Admin SP4N-LAPOR!`,
    expected: { trackingId: '4123901', reportedAt: '2026-03-05T01:00:00.000Z', reporter: 'Lilik Suryani', category: 'Administrasi Kependudukan', content: /^Permohonan SKPWNI saya sejak 20 Februari belum diproses\.\nMohon segera ditindaklanjuti\.$/, serviceCategory: 'pindah_datang' },
  },
  {
    name: 'lower-case labels and a date with dots',
    text: `nomor laporan: 4123950
judul laporan: perceraian belum tercatat
tanggal: 09.03.2026 10.00
pelapor: sri utami
kategori: catatan sipil
isi laporan: putusan cerai dari pengadilan agama sudah saya serahkan tetapi KK belum diperbarui.`,
    expected: { trackingId: '4123950', reportedAt: '2026-03-09T03:00:00.000Z', reporter: 'sri utami', category: 'catatan sipil', content: /KK belum diperbarui\.$/, serviceCategory: 'perkawinan_perceraian' },
  },
];
