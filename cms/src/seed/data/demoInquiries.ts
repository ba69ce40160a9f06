import type { Kind, ServiceCategory } from '@layanan/config';

/**
 * Bahan untuk membangkitkan permohonan demo (sekitar 300 permohonan dalam 90 hari).
 * Teks ditulis seperti pesan warga sungguhan (ada yang santai ala WhatsApp, ada
 * yang formal ala e-mail). Tidak ada NIK, nomor telepon, atau alamat nyata.
 *
 * - `information`: keterangan internal dari bidang kepada petugas (SOP langkah 3).
 * - `answer`: jawaban petugas kepada pemohon (SOP langkah 4).
 */
export interface InquiryTemplate {
  kind: Kind;
  serviceCategory: ServiceCategory;
  division: 'DAFDUK' | 'CAPIL';
  subject: string;
  message: string;
  information: string;
  answer: string;
}

export const INQUIRY_TEMPLATES: InquiryTemplate[] = [
  // =================================================================
  // PENGADUAN (complaint)
  // =================================================================
  {
    kind: 'complaint',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'KTP-el belum jadi setelah 2 minggu',
    message:
      'Assalamualaikum min, sy rekam ktp udh 2 minggu lebih tp blm jadi2. Kemarin ke kantor katanya disuruh nunggu lagi. Sebenernya kapan ya jadinya? Butuh bgt buat daftar kerja 🙏',
    information:
      'Data pemohon sudah terekam dan siap cetak; antrean cetak tertunda karena pasokan blanko baru masuk minggu ini. Pemohon dapat mengambil KTP-el mulai hari kerja berikutnya.',
    answer:
      'Waalaikumsalam, mohon maaf atas keterlambatannya. KTP-el Bapak/Ibu sudah masuk antrean cetak dan dapat diambil mulai hari kerja berikutnya di loket pengambilan dengan membawa bukti perekaman. Sementara itu, Bapak/Ibu dapat mengaktifkan IKD sebagai identitas yang sah.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Blanko KTP habis',
    message:
      'Min, kenapa tiap ke dukcapil jawabannya blanko habis terus? Sudah 3x bolak balik, ongkos juga. Tolong diperhatikan.',
    information:
      'Blanko KTP-el sempat kosong karena distribusi dari pusat terlambat; stok sudah tersedia kembali sejak awal minggu. Prioritas cetak diberikan kepada pemohon yang sudah lama menunggu.',
    answer:
      'Mohon maaf atas ketidaknyamanannya. Stok blanko KTP-el saat ini sudah tersedia kembali, dan permohonan Bapak/Ibu kami prioritaskan sehingga dapat diambil pada hari kerja terdekat dengan membawa bukti perekaman.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Antrean sangat lama',
    message:
      'Saya datang jam 07.30 sudah dapat nomor antrean 80-an, baru dipanggil hampir jam 12. Ruang tunggu penuh dan panas. Apa tidak bisa pakai antrean online supaya tidak menumpuk?',
    information:
      'Lonjakan pengunjung terjadi setiap Senin dan menjelang pendaftaran sekolah. Loket tambahan dibuka pada hari Senin, dan pendaftaran antrean daring melalui website sedang disiapkan.',
    answer:
      'Terima kasih atas masukannya dan mohon maaf atas lamanya antrean. Mulai minggu ini kami membuka loket tambahan pada hari Senin; sebagai alternatif, Bapak/Ibu dapat datang pada pertengahan minggu yang biasanya lebih lengang.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    subject: 'Data di KK salah padahal baru dicetak',
    message:
      'Selamat siang. KK kami baru dicetak minggu lalu tetapi tanggal lahir anak kedua salah, tertulis tahun 2015 padahal di akta 2016. Apakah harus antre dari awal lagi untuk membetulkan?',
    information:
      'Terjadi kesalahan entri saat pembaruan KK. Perbaikan dapat dilakukan di loket pembetulan tanpa antre ulang dengan membawa KK dan akta kelahiran anak.',
    answer:
      'Mohon maaf atas kesalahan tersebut. Silakan datang ke loket informasi dengan membawa KK dan akta kelahiran anak; perbaikan akan kami proses langsung tanpa antre ulang dan KK yang benar dapat dicetak hari itu juga.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Akta kelahiran belum terbit',
    message:
      'Permisi, saya mengajukan akta kelahiran anak saya lewat online sudah sebulan tapi statusnya masih "diproses". Mohon dicek, terima kasih.',
    information:
      'Berkas pemohon tertahan karena surat keterangan kelahiran yang diunggah tidak terbaca. Pemohon perlu mengunggah ulang atau membawa dokumen asli ke loket.',
    answer:
      'Mohon maaf atas keterlambatannya. Berkas Ibu/Bapak belum dapat diproses karena surat keterangan kelahiran yang diunggah tidak terbaca; mohon unggah ulang dengan foto yang jelas atau bawa dokumen aslinya ke loket, dan akta akan segera kami terbitkan.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Petugas kurang ramah',
    message:
      'Mau menyampaikan, kemarin petugas di loket depan jawabnya ketus sekali waktu saya tanya syarat. Saya orang tua, tidak paham, malah dibentak. Mohon dibina petugasnya.',
    information:
      'Pengaduan sudah diteruskan ke kepala bidang dan petugas loket yang bersangkutan telah diberi pembinaan tentang pelayanan prima.',
    answer:
      'Kami mohon maaf atas pengalaman yang kurang menyenangkan tersebut. Pengaduan Bapak/Ibu sudah kami tindak lanjuti dengan pembinaan kepada petugas yang bersangkutan, dan kami siap membantu menjelaskan persyaratan yang diperlukan.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Website layanan online error',
    message:
      'Website pendaftaran online dukcapil tidak bisa dibuka dari kemarin sore, muncul tulisan error terus. Saya mau daftar pindah jadi tertunda.',
    information:
      'Server layanan daring sempat mengalami gangguan karena pemeliharaan jaringan dan sudah normal kembali pagi ini.',
    answer:
      'Mohon maaf atas gangguannya. Layanan daring sempat terganggu karena pemeliharaan jaringan dan saat ini sudah dapat diakses kembali; silakan mencoba mendaftar lagi.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Diminta bayar saat urus KTP',
    message:
      'Min mau lapor, tetangga saya urus ktp katanya lewat orang dimintai uang 150rb biar cepet. Bener gak sih harus bayar?',
    information:
      'Layanan adminduk tidak dipungut biaya. Informasi dugaan pungutan diteruskan kepada pimpinan untuk ditelusuri; pelapor dapat menyertakan keterangan tambahan tanpa identitas pihak ketiga.',
    answer:
      'Terima kasih atas laporannya. Seluruh layanan KTP-el tidak dipungut biaya; mohon urus langsung di Disdukcapil tanpa perantara, dan laporan ini sudah kami teruskan kepada pimpinan untuk ditindaklanjuti.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    subject: 'SKPWNI tidak bisa diproses',
    message:
      'Saya sudah bawa surat pindah dari Kabupaten Pasuruan, tapi di loket katanya datanya belum masuk di sistem. Padahal di sana bilang sudah beres. Jadi saya harus bagaimana?',
    information:
      'Data SKPWNI dari daerah asal belum terkirim penuh di sistem. Petugas sudah berkoordinasi dengan Disdukcapil daerah asal dan data sudah dapat ditarik.',
    answer:
      'Mohon maaf atas kendala tersebut. Kami sudah berkoordinasi dengan Disdukcapil daerah asal dan data kepindahan Bapak/Ibu kini sudah masuk, sehingga KK dan KTP-el dapat diproses di loket pindah-datang pada hari kerja.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'akta_kematian',
    division: 'CAPIL',
    subject: 'Nama almarhum masih ada di KK',
    message:
      'Bapak saya sudah meninggal 3 bulan lalu dan akta kematian sudah keluar, tapi waktu cek di KK namanya masih tercantum. Mohon dibantu.',
    information:
      'Akta kematian sudah terbit, tetapi pemutakhiran KK belum diajukan. Keluarga cukup membawa KK lama dan akta kematian untuk dicetakkan KK baru.',
    answer:
      'Turut berduka cita. Akta kematian ayah Bapak/Ibu sudah tercatat; silakan bawa KK lama dan kutipan akta kematian ke loket agar KK diperbarui tanpa nama almarhum.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'kia',
    division: 'DAFDUK',
    subject: 'KIA belum bisa dicetak',
    message:
      'Sdh daftar kia buat anak sy dr bulan lalu, tiap tanya jawabannya blm ada kartunya. Padahal buat syarat sekolah. Mohon infonya.',
    information:
      'Pencetakan KIA tertunda karena keterbatasan blanko KIA; blanko tambahan dijadwalkan tiba pekan depan. Sekolah dapat menerima KK dan akta kelahiran sebagai pengganti sementara.',
    answer:
      'Mohon maaf, pencetakan KIA tertunda karena keterbatasan blanko dan dijadwalkan kembali pekan depan. Untuk keperluan sekolah, KK dan akta kelahiran anak dapat digunakan sementara waktu.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    subject: 'Status perkawinan di KTP belum berubah',
    message:
      'Selamat pagi Bapak/Ibu. Saya sudah menyerahkan akta cerai dari Pengadilan Agama sebulan yang lalu, tetapi status di KTP-el saya masih tertulis kawin. Mohon penjelasannya.',
    information:
      'Status perkawinan di database sudah berubah menjadi cerai hidup, namun KTP-el belum dicetak ulang karena pemohon belum mengambil. KTP-el baru sudah tersedia di loket pengambilan.',
    answer:
      'Selamat pagi. Status perkawinan Ibu/Bapak di data kependudukan sudah diperbarui menjadi cerai hidup, dan KTP-el dengan data terbaru sudah dapat diambil di loket pengambilan dengan membawa KTP-el lama.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Layanan tutup sebelum jam 16.00',
    message:
      'Kemarin saya datang jam 15.15 tapi loket sudah tidak menerima berkas, padahal jam layanan sampai jam 4 sore. Tolong konsisten.',
    information:
      'Loket penerimaan berkas ditutup lebih awal karena kuota hari itu sudah penuh; kebijakan kuota harian belum diumumkan dengan jelas di papan informasi.',
    answer:
      'Mohon maaf atas ketidaknyamanannya. Hari itu kuota penerimaan berkas sudah penuh; ke depan kami akan mengumumkan kuota harian dengan jelas, dan Bapak/Ibu dapat datang lebih awal atau menggunakan layanan daring.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Nama di KTP-el salah ketik',
    message:
      'KTP baru saya namanya salah satu huruf, harusnya "Nurul" tapi ditulis "Nurol". Baru sadar pas di rumah. Harus urus apa lagi ini',
    information:
      'Data di KK sudah benar, kesalahan terjadi pada data KTP-el saat cetak. Pembetulan cukup dengan membawa KTP-el yang salah dan KK.',
    answer:
      'Mohon maaf atas kesalahan tersebut. Silakan bawa KTP-el yang salah beserta KK ke loket informasi; KTP-el akan kami cetak ulang dengan nama yang benar tanpa biaya.',
  },
  {
    kind: 'complaint',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Pesan WhatsApp tidak dibalas',
    message:
      'Saya sudah kirim pertanyaan ke WA pengaduan dari hari Senin tapi centang dua saja, tidak dibalas sampai sekarang.',
    information:
      'Terjadi penumpukan pesan di kanal WhatsApp pada awal minggu; pesan pemohon sudah ditemukan dan ditangani.',
    answer:
      'Mohon maaf atas keterlambatan balasan karena banyaknya pesan yang masuk. Pertanyaan Bapak/Ibu sudah kami terima dan jawabannya kami sampaikan melalui pesan ini.',
  },

  // =================================================================
  // PERMOHONAN INFORMASI (information)
  // =================================================================
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Syarat KTP hilang',
    message: 'Min ktp sy hilang pas di pasar, syarat buat cetak lagi apa aja ya?',
    information:
      'Cetak ulang KTP-el hilang: surat keterangan kehilangan dari kepolisian dan KK. Tidak perlu perekaman ulang.',
    answer:
      'Untuk cetak ulang KTP-el yang hilang, silakan bawa surat keterangan kehilangan dari kepolisian dan Kartu Keluarga ke Disdukcapil. Tidak perlu perekaman ulang dan tidak dipungut biaya.',
  },
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Perekaman KTP anak usia 17',
    message:
      'Permisi, anak saya bulan depan ulang tahun ke-17. Apakah sudah bisa rekam KTP sekarang atau harus menunggu?',
    information:
      'Perekaman dapat dilakukan menjelang usia 17 tahun; KTP-el dicetak setelah genap 17 tahun. Anak cukup membawa KK.',
    answer:
      'Putra/putri Bapak/Ibu sudah dapat melakukan perekaman sekarang dengan membawa Kartu Keluarga, dan KTP-el akan dicetak setelah genap berusia 17 tahun.',
  },
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Perpanjangan KTP-el',
    message:
      'Assalamualaikum. KTP elektronik saya berlaku sampai 2017, apakah perlu diperpanjang? Mau dipakai untuk urus pensiun.',
    information:
      'KTP-el berlaku seumur hidup sesuai UU 24/2013, termasuk yang masih mencantumkan tanggal berlaku lama.',
    answer:
      'Waalaikumsalam. KTP-el berlaku seumur hidup sehingga tidak perlu diperpanjang, meskipun masih tercantum tanggal berlaku lama. KTP-el tersebut tetap sah digunakan untuk mengurus pensiun.',
  },
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Ganti status di KTP setelah menikah',
    message:
      'Halo kak, aku baru nikah bulan kemarin. Status di KTP masih belum kawin, perlu diganti ga? Kalau iya bawa apa aja?',
    information:
      'Perubahan status dimulai dari pemutakhiran KK dengan buku nikah, lalu KTP-el dicetak ulang. Bawa buku nikah, KK, dan KTP-el lama.',
    answer:
      'Selamat atas pernikahannya. Silakan bawa buku nikah, KK, dan KTP-el lama ke Disdukcapil; KK akan diperbarui terlebih dahulu, kemudian KTP-el dicetak ulang dengan status kawin.',
  },
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'Cara aktivasi IKD',
    message: 'Gimana caranya aktivasi ktp digital? Udah download aplikasinya tapi mentok di verifikasi.',
    information:
      'Aktivasi IKD memerlukan pemindaian kode QR oleh petugas setelah verifikasi wajah. Layanan aktivasi tersedia di loket informasi dan pada layanan keliling.',
    answer:
      'Setelah mengisi data dan verifikasi wajah di aplikasi IKD, aktivasi perlu diselesaikan oleh petugas dengan memindai kode QR di ponsel Anda. Silakan datang ke loket informasi Disdukcapil pada jam layanan dengan membawa ponsel tersebut.',
  },
  {
    kind: 'information',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    subject: 'KTP-el rusak',
    message:
      'Selamat siang, KTP-el saya retak di bagian tengah karena terlipat di dompet. Apakah bisa diganti dan apa syaratnya?',
    information: 'Cetak ulang KTP-el rusak: bawa KTP-el rusak dan KK, tanpa surat kepolisian.',
    answer:
      'Selamat siang. KTP-el yang rusak dapat dicetak ulang dengan membawa KTP-el tersebut beserta Kartu Keluarga ke Disdukcapil; tidak diperlukan surat keterangan dari kepolisian.',
  },
  {
    kind: 'information',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    subject: 'Pisah KK dari orang tua',
    message:
      'Mas/mbak, saya sudah menikah dan masih ikut KK mertua. Mau bikin KK sendiri tapi masih satu rumah, bisa kah?',
    information:
      'Pisah KK dalam satu alamat diperbolehkan. Syarat: KK lama, buku nikah, KTP-el, dan formulir biodata keluarga.',
    answer:
      'Bisa. Silakan bawa KK lama, buku nikah, dan KTP-el Anda berdua ke Disdukcapil untuk membentuk KK baru meskipun masih satu alamat dengan mertua.',
  },
  {
    kind: 'information',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    subject: 'KK dicetak di kertas HVS',
    message:
      'Yth. Disdukcapil, apakah KK yang dicetak sendiri di kertas HVS sah untuk persyaratan pendaftaran sekolah? Pihak sekolah meminta KK yang dilegalisir.',
    information:
      'KK bertanda tangan elektronik dan berkode QR sah dicetak di HVS A4 dan tidak memerlukan legalisir; keaslian dicek melalui kode QR.',
    answer:
      'KK yang bertanda tangan elektronik sah dicetak sendiri pada kertas HVS A4 dan tidak memerlukan legalisir. Pihak sekolah dapat memeriksa keasliannya dengan memindai kode QR pada KK tersebut.',
  },
  {
    kind: 'information',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    subject: 'KK hilang karena banjir',
    message:
      'Dokumen kami banyak yang rusak kena banjir kemarin, termasuk KK. Bagaimana cara mengurus yang baru?',
    information:
      'KK rusak dapat dicetak ulang dengan membawa sisa KK yang rusak dan KTP-el kepala keluarga; jika KK tidak ditemukan, perlu surat keterangan kehilangan kepolisian.',
    answer:
      'Kami turut prihatin. Silakan bawa sisa KK yang rusak dan KTP-el kepala keluarga ke Disdukcapil untuk dicetak ulang; bila KK sudah tidak ada sama sekali, mohon lampirkan surat keterangan kehilangan dari kepolisian.',
  },
  {
    kind: 'information',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    subject: 'Ubah pendidikan di KK',
    message: 'Sy baru lulus S1, mau ganti pendidikan terakhir di KK. Syaratnya apa ya min?',
    information: 'Perubahan pendidikan: bawa KK dan fotokopi atau asli ijazah terakhir untuk verifikasi.',
    answer:
      'Selamat atas kelulusannya. Silakan bawa KK dan ijazah terakhir ke Disdukcapil; data pendidikan di KK akan diperbarui dan KK baru dapat dicetak.',
  },
  {
    kind: 'information',
    serviceCategory: 'kia',
    division: 'DAFDUK',
    subject: 'Syarat KIA untuk balita',
    message: 'Bun mau tanya, bikin KIA untuk anak umur 3 tahun perlu foto gak?',
    information: 'KIA anak di bawah 5 tahun tidak memerlukan pas foto; syarat: akta kelahiran, KK, KTP-el orang tua.',
    answer:
      'Untuk anak di bawah 5 tahun tidak perlu pas foto. Cukup bawa akta kelahiran anak, KK, dan KTP-el orang tua ke Disdukcapil.',
  },
  {
    kind: 'information',
    serviceCategory: 'kia',
    division: 'DAFDUK',
    subject: 'Fungsi KIA',
    message:
      'Selamat sore. Sebenarnya KIA itu wajib atau tidak? Dan kegunaannya untuk apa saja? Terima kasih.',
    information:
      'KIA adalah identitas resmi anak 0 sampai kurang dari 17 tahun; digunakan untuk sekolah, layanan kesehatan, dan layanan publik lain.',
    answer:
      'Selamat sore. KIA merupakan identitas resmi bagi anak usia 0 sampai kurang dari 17 tahun dan dapat digunakan untuk pendaftaran sekolah, layanan kesehatan, serta layanan publik lainnya. Pengurusannya tidak dipungut biaya.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Syarat akta kelahiran bayi',
    message:
      'Assalamualaikum, istri saya baru melahirkan di bidan. Untuk buat akta kelahiran perlu bawa apa saja?',
    information:
      'Syarat akta kelahiran: surat keterangan kelahiran dari bidan, KK, KTP-el orang tua, buku nikah. Anak sekaligus dimasukkan ke KK.',
    answer:
      'Waalaikumsalam, selamat atas kelahiran putra/putrinya. Silakan bawa surat keterangan kelahiran dari bidan, KK, KTP-el kedua orang tua, dan buku nikah; akta kelahiran diterbitkan sekaligus dengan KK yang sudah memuat nama bayi.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Akta kelahiran terlambat',
    message:
      'Ibu saya umur 60 tahun belum pernah punya akta kelahiran. Sekarang diminta untuk urus warisan. Apa harus lewat pengadilan?',
    information:
      'Pencatatan kelahiran terlambat tidak memerlukan penetapan pengadilan; bila tidak ada surat keterangan lahir, gunakan SPTJM kebenaran data kelahiran.',
    answer:
      'Tidak perlu melalui pengadilan. Ibu Bapak/Ibu cukup datang dengan membawa KK dan KTP-el, serta mengisi Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran apabila surat keterangan lahir tidak ada.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Biaya akta kelahiran',
    message: 'bikin akta lahir bayar berapa ya? soalnya ada yg nawarin jasa 200rb',
    information: 'Penerbitan akta kelahiran tidak dipungut biaya (UU 24/2013).',
    answer:
      'Pengurusan akta kelahiran tidak dipungut biaya. Mohon urus langsung ke Disdukcapil atau melalui layanan daring resmi tanpa perantara.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Salah nama ayah di akta',
    message:
      'Dengan hormat, pada akta kelahiran saya nama ayah tertulis "Moch." padahal di KTP ayah tertulis "Mochammad". Apakah perlu dibetulkan dan bagaimana caranya?',
    information:
      'Perbedaan penulisan nama orang tua dapat dibetulkan melalui pembetulan akta dengan kutipan akta asli, KK, dan KTP-el ayah sebagai dokumen pendukung.',
    answer:
      'Perbedaan tersebut dapat dibetulkan melalui layanan pembetulan akta. Silakan bawa kutipan akta kelahiran asli, KK, dan KTP-el ayah ke loket Pencatatan Sipil.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kematian',
    division: 'CAPIL',
    subject: 'Syarat akta kematian',
    message:
      'Mbah saya meninggal minggu lalu di rumah. Mau urus akta kematian, suratnya dari mana ya?',
    information:
      'Kematian di rumah: surat keterangan kematian dari kelurahan. Lampirkan KK dan KTP-el almarhum serta KTP-el pelapor.',
    answer:
      'Turut berduka cita. Karena meninggal di rumah, surat keterangan kematian dapat diminta di kelurahan; kemudian bawa surat tersebut beserta KK dan KTP-el almarhum serta KTP-el pelapor ke Disdukcapil.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kematian',
    division: 'CAPIL',
    subject: 'Batas waktu lapor kematian',
    message: 'Kalau ngurus akta kematian ada batas waktunya nggak? Ayah meninggal sudah 2 bulan lalu.',
    information:
      'Pelaporan kematian idealnya paling lambat 30 hari; pelaporan yang melewati batas tetap dilayani dengan persyaratan yang sama.',
    answer:
      'Pelaporan kematian seharusnya dilakukan paling lambat 30 hari, namun pelaporan yang terlambat tetap kami layani dengan persyaratan yang sama. Silakan datang membawa surat keterangan kematian, KK, dan KTP-el almarhum serta pelapor.',
  },
  {
    kind: 'information',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    subject: 'Pencatatan perkawinan di gereja',
    message:
      'Selamat siang, kami berencana menikah di gereja bulan depan. Dokumen apa saja yang perlu disiapkan untuk pencatatan perkawinan di Dukcapil?',
    information:
      'Syarat pencatatan perkawinan non-muslim: surat keterangan perkawinan dari pemuka agama, KK, KTP-el, akta kelahiran kedua mempelai, pas foto berdampingan, dan dua saksi; dicatat paling lambat 60 hari.',
    answer:
      'Selamat siang. Siapkan surat keterangan perkawinan dari gereja, KK, KTP-el, akta kelahiran kedua mempelai, pas foto berdampingan, dan identitas dua orang saksi; pencatatan dilakukan paling lambat 60 hari setelah pemberkatan.',
  },
  {
    kind: 'information',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    subject: 'Nikah di KUA perlu lapor?',
    message: 'Habis nikah di KUA apakah masih harus lapor ke dukcapil?',
    information:
      'Perkawinan muslim dicatat KUA; Disdukcapil hanya memperbarui status perkawinan di KK dan KTP-el dengan buku nikah.',
    answer:
      'Pencatatan perkawinan sudah dilakukan oleh KUA. Silakan datang ke Disdukcapil dengan buku nikah, KK, dan KTP-el untuk memperbarui status perkawinan atau membuat KK baru.',
  },
  {
    kind: 'information',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    subject: 'Pencatatan perceraian non-muslim',
    message:
      'Yth. Bapak/Ibu, putusan cerai saya dari Pengadilan Negeri sudah inkrah. Apa langkah selanjutnya untuk mencatatkan perceraian?',
    information:
      'Pencatatan perceraian: salinan putusan PN berkekuatan hukum tetap, kutipan akta perkawinan asli, KK, KTP-el; dilaporkan paling lambat 60 hari.',
    answer:
      'Silakan bawa salinan putusan Pengadilan Negeri yang telah berkekuatan hukum tetap, kutipan akta perkawinan asli, KK, dan KTP-el ke loket Pencatatan Sipil paling lambat 60 hari sejak putusan inkrah. Akta perceraian akan diterbitkan dan status di KK diperbarui.',
  },
  {
    kind: 'information',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    subject: 'Pindah ke Surabaya',
    message:
      'Halo min, saya dan istri mau pindah ke Surabaya karena kerja. Urus surat pindahnya di mana dan bawa apa?',
    information:
      'SKPWNI diterbitkan Disdukcapil Kota Probolinggo dengan KK dan KTP-el; selanjutnya lapor datang di Disdukcapil Kota Surabaya.',
    answer:
      'Surat pindah (SKPWNI) dapat diurus di Disdukcapil Kota Probolinggo dengan membawa KK dan KTP-el serta alamat tujuan lengkap. Setelah terbit, laporkan kedatangan di Disdukcapil Kota Surabaya untuk mendapatkan KK dan KTP-el baru.',
  },
  {
    kind: 'information',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    subject: 'Datang dari Jember',
    message:
      'Permisi, saya pindahan dari Jember dan sudah pegang SKPWNI. Untuk bikin KTP Probolinggo apakah harus rekam ulang?',
    information: 'Penduduk datang dengan SKPWNI tidak perlu rekam ulang; KK dan KTP-el baru diterbitkan dengan alamat Kota Probolinggo.',
    answer:
      'Tidak perlu rekam ulang. Silakan bawa SKPWNI dan KTP-el lama ke Disdukcapil Kota Probolinggo; KK dan KTP-el dengan alamat baru akan diterbitkan.',
  },
  {
    kind: 'information',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    subject: 'Pindah antar kecamatan dalam kota',
    message:
      'Saya pindah rumah dari Kecamatan Mayangan ke Kecamatan Kedopok, masih sama-sama Kota Probolinggo. Perlu surat pindah?',
    information:
      'Pindah dalam kota cukup diproses sebagai perubahan alamat dengan KK dan KTP-el; KK dan KTP-el dicetak ulang dengan alamat baru.',
    answer:
      'Karena masih dalam Kota Probolinggo, Bapak/Ibu cukup membawa KK, KTP-el, dan alamat baru yang lengkap ke Disdukcapil; KK dan KTP-el dengan alamat baru akan diterbitkan.',
  },
  {
    kind: 'information',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Jam layanan hari Sabtu',
    message: 'Dukcapil buka hari sabtu gak ya? Soalnya saya kerja senin-jumat.',
    information:
      'Layanan tatap muka Senin–Jumat 08.00–16.00 WIB; permohonan dapat diajukan melalui layanan daring di luar jam kerja.',
    answer:
      'Layanan tatap muka dibuka Senin–Jumat pukul 08.00–16.00 WIB. Di luar jam tersebut, Anda dapat mengajukan permohonan melalui layanan daring resmi Disdukcapil.',
  },
  {
    kind: 'information',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Jemput bola untuk lansia',
    message:
      'Nenek saya sudah 85 tahun dan tidak bisa jalan, belum punya KTP elektronik. Apakah petugas bisa datang ke rumah?',
    information:
      'Layanan jemput bola tersedia untuk lansia dan penyandang disabilitas; jadwal kunjungan diatur setelah data nama dan alamat diterima.',
    answer:
      'Bisa. Mohon kirimkan nama lengkap dan alamat nenek Bapak/Ibu melalui kanal ini atau kelurahan setempat, dan petugas kami akan menjadwalkan perekaman KTP-el di rumah.',
  },
  {
    kind: 'information',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'NIK tidak terdaftar saat daftar BPJS',
    message:
      'Mau daftar BPJS Kesehatan tapi katanya NIK saya tidak ditemukan. Padahal KTP sudah lama punya. Kenapa ya?',
    information:
      'NIK pemohon berstatus perlu pemutakhiran karena ada data ganda. Pemohon perlu datang dengan KK dan KTP-el untuk perbaikan.',
    answer:
      'Berdasarkan pengecekan, data Bapak/Ibu perlu dimutakhirkan. Silakan datang ke loket informasi dengan membawa KK dan KTP-el agar data dapat diperbaiki, setelah itu pendaftaran BPJS dapat dicoba kembali.',
  },
  {
    kind: 'information',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    subject: 'Jadwal layanan keliling',
    message: 'Kapan ada layanan keliling di kelurahan kami? Banyak warga yang belum rekam KTP dan belum punya KIA.',
    information:
      'Jadwal layanan keliling disusun per kelurahan setiap bulan; kelurahan dapat mengajukan permohonan kunjungan melalui surat ke Disdukcapil.',
    answer:
      'Terima kasih atas informasinya. Jadwal layanan keliling diumumkan melalui website dan media sosial resmi Disdukcapil, dan pihak kelurahan dapat mengajukan permohonan kunjungan agar wilayah Bapak/Ibu dijadwalkan.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Akta kelahiran anak dari nikah siri',
    message:
      'Maaf mau tanya, saya nikah siri dan belum punya buku nikah. Apakah anak saya bisa dibuatkan akta kelahiran?',
    information:
      'Akta kelahiran tetap dapat diterbitkan dengan SPTJM kebenaran sebagai pasangan suami istri; akta memuat keterangan perkawinan belum tercatat.',
    answer:
      'Bisa. Akta kelahiran tetap dapat diterbitkan dengan melampirkan Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran sebagai pasangan suami istri, beserta surat keterangan kelahiran, KK, dan KTP-el orang tua.',
  },
  {
    kind: 'information',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    subject: 'Ganti nama anak',
    message:
      'Selamat pagi, kami ingin mengganti nama anak kami yang sudah tercantum di akta. Apakah bisa langsung ke Dukcapil?',
    information:
      'Perubahan nama memerlukan penetapan pengadilan negeri; setelah itu dicatatkan di Disdukcapil paling lambat 30 hari.',
    answer:
      'Selamat pagi. Perubahan nama memerlukan penetapan dari Pengadilan Negeri terlebih dahulu; setelah penetapan terbit, silakan catatkan di Disdukcapil dengan membawa salinan penetapan, kutipan akta kelahiran, KK, dan KTP-el orang tua.',
  },
];

/** Nama pemohon demo (fiktif). */
export const APPLICANT_NAMES: string[] = [
  'Ahmad Fauzi',
  'Siti Nurhasanah',
  'Moh. Syaiful Anwar',
  'Nur Hayati',
  'Bambang Sugiarto',
  'Sri Wahyuni',
  'Achmad Zainuri',
  'Sitti Maimunah',
  'Fathorrahman',
  'Holifah',
  'Slamet Riyadi',
  'Endang Sri Rahayu',
  'Abdul Rohim',
  'Suhartatik',
  'Rizky Aditya Pratama',
  'Dwi Wulandari',
  'Mochammad Ilham Akbar',
  'Lailatul Fitriyah',
  'Sugeng Prasetyo',
  'Umi Kulsum',
  'Hasan Basri',
  'Rini Astutik',
  'Mat Sahri',
  'Nurul Hidayah',
  'Yohanes Setiawan',
  'Maria Kristina Dewi',
  'Agus Salim',
  'Khoirul Anam',
  'Ainun Jariyah',
  'Budi Santoso',
  'Eko Wahyudi',
  'Rukmini',
  'Sumarsono',
  'Fitri Handayani',
  'Imam Syafii',
  'Musyarofah',
  'Hendra Kurniawan',
  'Ika Puspitasari',
  'Moh. Hosnan',
  'Suliha',
  'Ahmad Mudhofar',
  'Dewi Lestari',
  'Ferry Irawan',
  'Nanik Susanti',
  'Tutik Alawiyah',
  'Joko Purnomo',
  'Anis Fuadah',
  'Samsul Arifin',
  'Wiwik Setyaningsih',
  'Ridwan Hakim',
  'Yuliana Kristanti',
  'Teguh Wibowo',
  'Faridatul Jannah',
  'Mochamad Rofiq',
  'Sholehah',
  'Andi Firmansyah',
  'Luluk Maslukhah',
  'Didik Hariyanto',
  'Ratna Kumalasari',
  'Abdul Wahid',
  'Indah Permatasari',
  'Heru Susanto',
  'Siti Aminah',
  'Bagus Dwi Cahyono',
  'Hj. Musrifah',
  'H. Marzuki',
  'Linda Wijaya',
  'Nova Ardiansyah',
  'Erna Wati',
  'Zainal Abidin',
];

/** Alasan penolakan permohonan (ditampilkan kepada pemohon). */
export const REJECT_REASONS: string[] = [
  'Pesan tidak berisi permohonan informasi atau pengaduan layanan administrasi kependudukan (spam/iklan).',
  'Bukan kewenangan Disdukcapil; permohonan dirujuk ke instansi terkait (misalnya paspor ke Kantor Imigrasi, SIM ke Satlantas Polres, sertifikat tanah ke Kantor Pertanahan, bantuan sosial ke Dinas Sosial).',
  'Duplikat dari permohonan yang sama yang sudah diterima dan sedang ditindaklanjuti.',
  'Permintaan data pribadi penduduk lain yang tidak dapat diberikan karena dilindungi peraturan perundang-undangan.',
  'Uraian permohonan tidak jelas dan pemohon tidak dapat dihubungi untuk konfirmasi.',
  'Mengandung ujaran kebencian, SARA, atau kata-kata yang tidak pantas.',
];

/** Cara petugas menyampaikan jawaban demo yang tidak dibawa adaptor kanal (pilihan yang sama dengan formulir dasbor). */
export const HANDED_OVER: Partial<Record<string, string>> = {
  walk_in: 'Disampaikan langsung di loket',
  phone: 'Melalui telepon',
  radio: 'Dibacakan di Radio Suara Kota',
  lapor_sp4n: 'Diunggah ke SP4N-LAPOR!',
};

/** Permohonan pagi ini yang menunggu informasi Bidang Pendaftaran Penduduk, dengan catatan petugas. */
export const WAITING_FOR_BIDANG = {
  kind: 'information',
  serviceCategory: 'ktp_el',
  subject: 'Menanyakan KTP-el yang sudah direkam',
  message: 'Selamat pagi, saya merekam KTP-el tiga minggu lalu di kantor. Apakah sudah selesai dicetak dan kapan bisa diambil?',
  note: 'Mohon cek status cetak KTP-el pemohon; pemohon menunggu kabar hari ini.',
} as const;
