import type { ServiceCategory } from '@layanan/config';

/**
 * Pertanyaan yang sering diajukan (FAQ) tentang layanan administrasi
 * kependudukan Disdukcapil Kota Probolinggo. Isi bersifat umum; editor dapat
 * menyesuaikan rincian persyaratan di panel admin bila ada ketentuan baru.
 */
export interface FaqSeed {
  question: string;
  answer: string;
  serviceCategory: ServiceCategory;
  division: 'DAFDUK' | 'CAPIL';
  keywords: string[];
}

export const FAQ_ENTRIES: FaqSeed[] = [
  // ---------------------------------------------------------------- KTP-el
  {
    question: 'Apa saja syarat untuk membuat KTP-el pertama kali?',
    answer:
      'KTP-el wajib dimiliki oleh WNI yang telah berusia 17 tahun, sudah kawin, atau pernah kawin. Pemohon cukup membawa Kartu Keluarga dan datang sendiri ke Disdukcapil untuk perekaman foto, sidik jari, iris mata, dan tanda tangan. Tidak perlu membawa fotokopi dokumen.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ktp baru', 'syarat ktp', 'buat ktp', 'ktp pertama', 'e-ktp', 'ktp-el'],
  },
  {
    question: 'Anak saya belum genap 17 tahun, apakah sudah bisa melakukan perekaman KTP-el?',
    answer:
      'Penduduk yang akan berusia 17 tahun dapat melakukan perekaman lebih awal, misalnya melalui layanan perekaman pemula di sekolah. KTP-el baru dicetak setelah yang bersangkutan genap berusia 17 tahun. Sebelum itu, identitas anak tetap menggunakan KIA.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ktp 17 tahun', 'perekaman pemula', 'rekam ktp', 'usia 17', 'ktp pelajar'],
  },
  {
    question: 'KTP-el saya hilang. Bagaimana cara mencetak ulang?',
    answer:
      'Silakan membuat surat keterangan kehilangan dari kepolisian terlebih dahulu, lalu datang ke Disdukcapil dengan membawa surat tersebut dan Kartu Keluarga. Petugas akan memverifikasi data Anda dan mencetak ulang KTP-el tanpa perlu perekaman ulang, selama data biometrik Anda sudah terekam.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ktp hilang', 'cetak ulang', 'surat kehilangan', 'ktp-el hilang', 'ganti ktp'],
  },
  {
    question: 'KTP-el saya rusak atau chip-nya tidak terbaca. Apa yang harus dilakukan?',
    answer:
      'Bawa KTP-el yang rusak beserta Kartu Keluarga ke Disdukcapil untuk dicetak ulang. KTP-el lama akan ditarik oleh petugas. Surat keterangan dari kepolisian tidak diperlukan karena fisik KTP-el masih ada.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ktp rusak', 'ktp patah', 'chip rusak', 'cetak ulang', 'ktp tidak terbaca'],
  },
  {
    question: 'Masa berlaku di KTP-el saya sudah lewat. Apakah harus diperpanjang?',
    answer:
      'Tidak perlu. Sesuai Undang-Undang Nomor 24 Tahun 2013, masa berlaku KTP-el adalah seumur hidup, termasuk KTP-el lama yang masih mencantumkan tanggal berlaku. KTP-el hanya perlu dicetak ulang apabila hilang, rusak, atau ada perubahan data.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['perpanjang ktp', 'masa berlaku', 'seumur hidup', 'ktp kadaluarsa', 'ktp expired'],
  },
  {
    question: 'Bagaimana cara mengubah data di KTP-el, misalnya status perkawinan, pekerjaan, atau alamat?',
    answer:
      'Perubahan data KTP-el selalu diawali dengan pembaruan Kartu Keluarga, karena data KTP-el mengikuti data KK. Bawa dokumen pendukung perubahan (misalnya buku nikah, akta perceraian, atau ijazah), KK, dan KTP-el lama. Setelah KK diperbarui, KTP-el baru dicetak dan KTP-el lama diserahkan kepada petugas.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ubah data ktp', 'ganti status', 'ganti pekerjaan', 'ganti alamat', 'perubahan data'],
  },
  {
    question: 'Berapa lama KTP-el selesai dicetak?',
    answer:
      'Jika data sudah lengkap dan blanko tersedia, KTP-el umumnya dapat dicetak pada hari yang sama atau sesuai jadwal pengambilan yang diberikan petugas. Apabila ketersediaan blanko terbatas, petugas akan menyampaikan perkiraan waktunya. Sambil menunggu, Anda dapat mengaktifkan Identitas Kependudukan Digital (IKD).',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ktp belum jadi', 'berapa lama', 'blanko ktp', 'ambil ktp', 'cetak ktp'],
  },
  {
    question: 'Apakah perekaman atau pengambilan KTP-el boleh diwakilkan?',
    answer:
      'Perekaman KTP-el tidak dapat diwakilkan karena memerlukan pengambilan data biometrik pemohon secara langsung. Pengambilan KTP-el yang sudah dicetak sebaiknya dilakukan oleh pemohon sendiri atau anggota keluarga dalam satu KK dengan membawa bukti pengambilan. Bagi penduduk lanjut usia, sakit, atau penyandang disabilitas tersedia layanan jemput bola.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['diwakilkan', 'ambil ktp', 'wakil keluarga', 'rekam ktp', 'kuasa'],
  },
  // -------------------------------------------------------------------- KK
  {
    question: 'Bagaimana cara membuat Kartu Keluarga baru setelah menikah?',
    answer:
      'Pasangan yang baru menikah dapat membentuk KK baru dengan membawa buku nikah atau kutipan akta perkawinan, KK lama masing-masing, dan KTP-el. Isi formulir biodata keluarga (F-1.01) yang tersedia di loket. Setelah KK baru terbit, nama Anda otomatis keluar dari KK orang tua.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['kk baru', 'kartu keluarga baru', 'setelah menikah', 'buat kk', 'kk pengantin'],
  },
  {
    question: 'Saya ingin pisah KK dari orang tua. Apa syaratnya?',
    answer:
      'Pisah KK dapat dilakukan oleh penduduk yang sudah berusia 17 tahun atau sudah kawin, dalam alamat yang sama maupun berbeda. Bawa KK lama, KTP-el, dan isi formulir biodata keluarga. Jika pisah KK disertai pindah alamat, sampaikan juga alamat baru kepada petugas.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['pisah kk', 'kk sendiri', 'keluar kk', 'pecah kk', 'kartu keluarga'],
  },
  {
    question: 'Bagaimana cara menambah anggota keluarga di KK, misalnya bayi yang baru lahir?',
    answer:
      'Penambahan anak yang baru lahir dilakukan bersamaan dengan pengurusan akta kelahiran, dengan membawa surat keterangan kelahiran, KK, dan KTP-el orang tua. Anak akan mendapatkan NIK dan tercantum dalam KK yang baru. Untuk penambahan anggota keluarga lain (misalnya menumpang), bawa KK dan KTP-el anggota yang akan ditambahkan.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['tambah anggota kk', 'masukkan anak', 'bayi baru lahir', 'numpang kk', 'update kk'],
  },
  {
    question: 'Kartu Keluarga saya hilang atau rusak. Bagaimana mengurusnya?',
    answer:
      'Untuk KK yang hilang, siapkan surat keterangan kehilangan dari kepolisian dan KTP-el kepala keluarga. Untuk KK yang rusak, cukup membawa KK rusak tersebut beserta KTP-el. KK baru diterbitkan dengan nomor yang sama selama tidak ada perubahan susunan keluarga.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['kk hilang', 'kk rusak', 'cetak ulang kk', 'kartu keluarga hilang', 'surat kehilangan'],
  },
  {
    question: 'Apakah Kartu Keluarga sekarang boleh dicetak sendiri di kertas HVS?',
    answer:
      'Ya. KK saat ini menggunakan tanda tangan elektronik dan kode QR, sehingga dapat dicetak pada kertas HVS putih ukuran A4 dan sah digunakan. Keaslian dokumen dapat dicek dengan memindai kode QR yang tercantum. Dokumen tidak memerlukan legalisir cap basah.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['kk hvs', 'cetak sendiri', 'tanda tangan elektronik', 'kk qr code', 'legalisir kk'],
  },
  {
    question: 'Ada data yang salah di KK saya (nama, tanggal lahir, atau pendidikan). Bagaimana memperbaikinya?',
    answer:
      'Bawa KK dan dokumen pendukung yang benar, misalnya akta kelahiran untuk nama dan tanggal lahir, atau ijazah untuk pendidikan terakhir. Petugas akan memperbaiki data sesuai dokumen tersebut lalu menerbitkan KK baru. Jika perubahan memengaruhi data KTP-el, KTP-el juga akan dicetak ulang.',
    serviceCategory: 'kk',
    division: 'DAFDUK',
    keywords: ['data kk salah', 'salah nama', 'salah tanggal lahir', 'perbaikan kk', 'pembetulan data'],
  },
  // ------------------------------------------------------------------- KIA
  {
    question: 'Apa itu KIA dan siapa yang wajib memilikinya?',
    answer:
      'Kartu Identitas Anak (KIA) adalah identitas resmi bagi anak WNI berusia 0 sampai kurang dari 17 tahun dan belum kawin. KIA untuk anak di bawah 5 tahun berlaku sampai anak berusia 5 tahun, sedangkan KIA untuk anak 5 tahun ke atas berlaku sampai sehari sebelum anak berusia 17 tahun. KIA dapat digunakan untuk keperluan sekolah, kesehatan, dan layanan publik lainnya.',
    serviceCategory: 'kia',
    division: 'DAFDUK',
    keywords: ['kia', 'kartu identitas anak', 'ktp anak', 'usia kia', 'fungsi kia'],
  },
  {
    question: 'Apa saja syarat membuat KIA?',
    answer:
      'Untuk anak di bawah 5 tahun, bawa akta kelahiran anak, KK, dan KTP-el orang tua atau wali. Untuk anak berusia 5 tahun ke atas, persyaratan yang sama ditambah pas foto berwarna anak. Pengurusan KIA tidak dipungut biaya.',
    serviceCategory: 'kia',
    division: 'DAFDUK',
    keywords: ['syarat kia', 'buat kia', 'foto kia', 'kia anak', 'kartu anak'],
  },
  // ------------------------------------------------------- Akta kelahiran
  {
    question: 'Apa saja syarat mengurus akta kelahiran?',
    answer:
      'Siapkan surat keterangan kelahiran dari rumah sakit, puskesmas, bidan, atau kelurahan, KK, KTP-el orang tua, serta buku nikah atau akta perkawinan orang tua. Isi formulir pelaporan pencatatan sipil yang tersedia di loket. Bersamaan dengan akta, anak akan dimasukkan ke dalam KK orang tua.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['syarat akta', 'akta kelahiran', 'akta lahir', 'buat akta anak', 'surat lahir'],
  },
  {
    question: 'Apakah pengurusan akta kelahiran dikenai biaya?',
    answer:
      'Tidak. Sesuai Undang-Undang Nomor 24 Tahun 2013, pengurusan dan penerbitan dokumen kependudukan, termasuk akta kelahiran, tidak dipungut biaya. Jika ada pihak yang meminta imbalan, silakan laporkan melalui kanal pengaduan Disdukcapil.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['biaya akta', 'gratis', 'bayar akta', 'pungutan', 'akta kelahiran'],
  },
  {
    question: 'Kelahiran anak saya terlambat dilaporkan lebih dari satu tahun. Apakah perlu penetapan pengadilan?',
    answer:
      'Tidak perlu. Sejak berlakunya Undang-Undang Nomor 24 Tahun 2013, pencatatan kelahiran yang terlambat cukup diproses di Disdukcapil dengan persyaratan yang sama seperti pencatatan biasa. Bila surat keterangan kelahiran tidak ada, pemohon dapat melampirkan Surat Pernyataan Tanggung Jawab Mutlak (SPTJM) kebenaran data kelahiran.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['akta terlambat', 'telat lapor', 'pengadilan', 'sptjm', 'akta dewasa'],
  },
  {
    question: 'Orang tua belum memiliki buku nikah. Apakah anak tetap bisa mendapat akta kelahiran?',
    answer:
      'Bisa. Orang tua dapat melampirkan SPTJM kebenaran sebagai pasangan suami istri, dan akta kelahiran tetap diterbitkan dengan keterangan bahwa perkawinan orang tua belum tercatat sesuai ketentuan. Setelah perkawinan tercatat, data pada akta dan KK dapat diperbarui.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['tidak ada buku nikah', 'nikah siri', 'sptjm', 'akta anak', 'belum tercatat'],
  },
  {
    question: 'Ada kesalahan penulisan pada akta kelahiran. Bagaimana memperbaikinya?',
    answer:
      'Kesalahan tulis redaksional dapat dibetulkan di Disdukcapil dengan membawa kutipan akta asli, KK, KTP-el, dan dokumen pendukung yang menunjukkan data yang benar, misalnya ijazah. Perubahan nama (bukan salah ketik) memerlukan penetapan pengadilan negeri terlebih dahulu.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['akta salah', 'pembetulan akta', 'salah ketik', 'ganti nama', 'perbaikan akta'],
  },
  // --------------------------------------------------------- Akta kematian
  {
    question: 'Bagaimana cara mengurus akta kematian?',
    answer:
      'Kematian dilaporkan oleh keluarga paling lambat 30 hari sejak tanggal kematian. Bawa surat keterangan kematian dari rumah sakit, dokter, atau kelurahan, KK dan KTP-el almarhum/almarhumah, serta KTP-el pelapor. Setelah akta terbit, KK keluarga diperbarui dan data almarhum dinonaktifkan.',
    serviceCategory: 'akta_kematian',
    division: 'CAPIL',
    keywords: ['akta kematian', 'akta mati', 'meninggal dunia', 'surat kematian', 'lapor kematian'],
  },
  {
    question: 'Untuk apa akta kematian diperlukan?',
    answer:
      'Akta kematian diperlukan untuk mengurus hak ahli waris, klaim asuransi dan pensiun, perubahan status pasangan menjadi cerai mati, serta pembaruan KK. Pencatatan kematian juga menjaga data kependudukan tetap akurat, misalnya untuk daftar pemilih dan penyaluran bantuan sosial.',
    serviceCategory: 'akta_kematian',
    division: 'CAPIL',
    keywords: ['fungsi akta kematian', 'warisan', 'pensiun', 'cerai mati', 'asuransi'],
  },
  // ------------------------------------------------- Perkawinan/perceraian
  {
    question: 'Bagaimana pencatatan perkawinan bagi penduduk non-muslim?',
    answer:
      'Perkawinan penduduk non-muslim dicatatkan di Disdukcapil paling lambat 60 hari setelah pemberkatan atau upacara keagamaan. Siapkan surat keterangan perkawinan dari pemuka agama, KK, KTP-el, akta kelahiran kedua mempelai, pas foto berdampingan, dan identitas dua orang saksi. Kutipan akta perkawinan diterbitkan oleh Disdukcapil.',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    keywords: ['akta perkawinan', 'catat nikah', 'nikah non muslim', 'pemberkatan', 'nikah gereja'],
  },
  {
    question: 'Saya menikah di KUA. Apakah perlu melapor ke Disdukcapil?',
    answer:
      'Perkawinan bagi yang beragama Islam dicatat oleh KUA, sehingga Anda tidak perlu membuat akta perkawinan di Disdukcapil. Namun, silakan datang ke Disdukcapil dengan membawa buku nikah, KK, dan KTP-el untuk memperbarui status perkawinan di KK dan KTP-el, atau untuk membuat KK baru.',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    keywords: ['nikah kua', 'buku nikah', 'ubah status kawin', 'status perkawinan', 'update kk'],
  },
  {
    question: 'Bagaimana mencatatkan perceraian dan mengubah status di KK?',
    answer:
      'Bagi non-muslim, perceraian dicatatkan di Disdukcapil dengan membawa salinan putusan pengadilan negeri yang telah berkekuatan hukum tetap, kutipan akta perkawinan, KK, dan KTP-el. Bagi yang beragama Islam, bawa akta cerai dari Pengadilan Agama. Setelah itu status perkawinan di KK dan KTP-el diperbarui menjadi cerai hidup.',
    serviceCategory: 'perkawinan_perceraian',
    division: 'CAPIL',
    keywords: ['perceraian', 'akta cerai', 'status cerai', 'cerai hidup', 'putusan pengadilan'],
  },
  // --------------------------------------------------------- Pindah-datang
  {
    question: 'Saya akan pindah domisili ke luar Kota Probolinggo. Apa yang harus diurus?',
    answer:
      'Ajukan Surat Keterangan Pindah WNI (SKPWNI) di Disdukcapil Kota Probolinggo dengan membawa KK dan KTP-el, serta menyebutkan alamat tujuan dan anggota keluarga yang ikut pindah. SKPWNI kemudian dibawa ke Disdukcapil daerah tujuan untuk diterbitkan KK dan KTP-el baru. Perekaman ulang KTP-el tidak diperlukan.',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    keywords: ['pindah keluar', 'skpwni', 'surat pindah', 'pindah domisili', 'mutasi penduduk'],
  },
  {
    question: 'Saya pindah dari kota lain ke Kota Probolinggo. Bagaimana cara melapor?',
    answer:
      'Bawa SKPWNI dari Disdukcapil daerah asal beserta KTP-el ke Disdukcapil Kota Probolinggo. Petugas akan menerbitkan KK baru dengan alamat di Kota Probolinggo dan mencetak KTP-el dengan alamat baru. Sebaiknya laporan kedatangan dilakukan segera setelah SKPWNI terbit.',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    keywords: ['pindah datang', 'datang dari luar kota', 'skpwni', 'lapor datang', 'domisili baru'],
  },
  {
    question: 'Bagaimana jika saya hanya pindah alamat di dalam Kota Probolinggo?',
    answer:
      'Pindah antar-kelurahan atau antar-kecamatan di dalam Kota Probolinggo cukup diajukan di Disdukcapil dengan membawa KK dan KTP-el serta alamat baru yang lengkap. Setelah data diperbarui, KK dan KTP-el dengan alamat baru akan diterbitkan.',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    keywords: ['pindah dalam kota', 'ganti alamat', 'pindah kelurahan', 'pindah kecamatan', 'alamat baru'],
  },
  {
    question: 'Apakah surat pindah bisa diurus secara online?',
    answer:
      'Ya, pengajuan pindah dapat dilakukan melalui layanan Dukcapil online atau dengan bantuan petugas Disdukcapil. Setelah SKPWNI terbit, penduduk tetap perlu melaporkan kedatangan di daerah tujuan agar KK dan KTP-el baru dapat diterbitkan. Ikuti informasi terbaru di website resmi Disdukcapil.',
    serviceCategory: 'pindah_datang',
    division: 'DAFDUK',
    keywords: ['pindah online', 'skpwni online', 'surat pindah', 'daftar online', 'layanan online'],
  },
  // ------------------------------------------------------------- Lainnya
  {
    question: 'Kapan jam layanan Disdukcapil Kota Probolinggo?',
    answer:
      'Layanan tatap muka dibuka Senin sampai Jumat pukul 08.00–16.00 WIB dan tutup pada hari libur nasional serta cuti bersama. Permohonan informasi dan pengaduan melalui kanal daring tetap dapat dikirim kapan saja dan akan ditanggapi pada hari kerja. Perubahan jadwal diumumkan melalui website dan media sosial resmi Disdukcapil.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['jam layanan', 'jam buka', 'jadwal layanan', 'hari kerja', 'buka sabtu'],
  },
  {
    question: 'Apakah pengurusan dokumen kependudukan dipungut biaya?',
    answer:
      'Seluruh layanan administrasi kependudukan, seperti KTP-el, KK, KIA, akta kelahiran, akta kematian, dan surat pindah, tidak dipungut biaya sesuai Undang-Undang Nomor 24 Tahun 2013. Uruslah dokumen secara langsung tanpa perantara. Jika diminta imbalan oleh siapa pun, laporkan melalui kanal pengaduan resmi.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['biaya', 'gratis', 'pungli', 'calo', 'bayar'],
  },
  {
    question: 'Apa itu Identitas Kependudukan Digital (IKD) dan bagaimana mengaktifkannya?',
    answer:
      'IKD adalah KTP-el dalam bentuk digital pada aplikasi resmi Identitas Kependudukan Digital di ponsel pintar. Unduh aplikasinya, isi NIK, alamat e-mail, dan nomor ponsel aktif, lalu lakukan verifikasi wajah. Aktivasi diselesaikan dengan bantuan petugas Disdukcapil yang memindai kode QR di aplikasi Anda.',
    serviceCategory: 'ktp_el',
    division: 'DAFDUK',
    keywords: ['ikd', 'ktp digital', 'identitas digital', 'aktivasi ikd', 'aplikasi ikd'],
  },
  {
    question: 'Apakah ada layanan jemput bola bagi warga lansia, sakit, atau penyandang disabilitas?',
    answer:
      'Ada. Disdukcapil melayani perekaman KTP-el dan pengurusan dokumen secara jemput bola bagi penduduk lanjut usia, sakit, atau penyandang disabilitas yang tidak dapat datang ke kantor. Ajukan permohonan melalui kelurahan atau kanal layanan informasi Disdukcapil dengan menyebutkan nama, alamat, dan kondisi pemohon.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['jemput bola', 'lansia', 'disabilitas', 'orang sakit', 'rekam di rumah'],
  },
  {
    question: 'Apakah ada layanan keliling di kelurahan atau sekolah?',
    answer:
      'Disdukcapil secara berkala mengadakan layanan keliling di kelurahan, sekolah, dan acara masyarakat, antara lain untuk perekaman KTP-el pemula, pembuatan KIA, dan aktivasi IKD. Jadwal dan lokasi diumumkan melalui website, media sosial resmi, dan kelurahan setempat.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['layanan keliling', 'jadwal keliling', 'rekam di sekolah', 'jemput bola', 'kelurahan'],
  },
  {
    question: 'Bagaimana cara menyampaikan pengaduan tentang layanan Disdukcapil?',
    answer:
      'Pengaduan dapat disampaikan melalui SP4N-LAPOR!, website, e-mail, WhatsApp pengaduan, media sosial resmi Disdukcapil, atau datang langsung ke loket informasi dan pengaduan. Sertakan uraian masalah yang jelas beserta jenis layanannya, dan jangan mengirim foto dokumen kependudukan secara terbuka di media sosial. Jawaban akan disampaikan melalui kanal yang sama dengan kanal pengaduan Anda.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['pengaduan', 'komplain', 'lapor', 'sp4n lapor', 'keluhan'],
  },
  {
    question: 'Bagaimana jika NIK saya tidak ditemukan saat mendaftar BPJS, bank, atau kartu SIM?',
    answer:
      'NIK yang tidak ditemukan biasanya disebabkan oleh data yang belum diperbarui, data ganda, atau status yang belum aktif. Silakan datang ke Disdukcapil dengan membawa KK dan KTP-el agar petugas dapat memeriksa dan memperbaiki status data Anda. Setelah diperbaiki, pembaruan data pada lembaga pengguna dapat memerlukan waktu.',
    serviceCategory: 'lainnya',
    division: 'DAFDUK',
    keywords: ['nik tidak ditemukan', 'nik tidak valid', 'data ganda', 'nik tidak aktif', 'bpjs'],
  },
  {
    question: 'Apakah akta kelahiran dan akta kematian juga bisa dicetak di kertas HVS?',
    answer:
      'Ya. Dokumen pencatatan sipil yang diterbitkan dengan tanda tangan elektronik dapat dicetak pada kertas HVS putih ukuran A4 dan berlaku sah. Keasliannya dapat diperiksa dengan memindai kode QR pada dokumen.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['akta hvs', 'cetak akta', 'tanda tangan elektronik', 'qr code', 'akta digital'],
  },
  {
    question: 'Bagaimana mengurus pengakuan atau pengesahan anak?',
    answer:
      'Pengakuan anak dan pengesahan anak dicatatkan di Disdukcapil agar status hukum anak tercantum pada akta kelahirannya. Umumnya diperlukan kutipan akta kelahiran anak, KK, KTP-el orang tua, serta bukti perkawinan orang tua atau penetapan pengadilan sesuai jenis peristiwanya. Silakan konsultasikan kasus Anda di loket informasi agar persyaratannya dapat dipastikan.',
    serviceCategory: 'akta_kelahiran',
    division: 'CAPIL',
    keywords: ['pengakuan anak', 'pengesahan anak', 'status anak', 'catatan pinggir', 'akta anak'],
  },
];
