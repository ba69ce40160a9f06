/**
 * Bidang yang menangani permohonan informasi (SOP langkah 2–3: informasi dipilah
 * dan diteruskan ke bidang terkait). `topics` dipakai mesin pencari (cms/src/search)
 * untuk menyarankan bidang tujuan dari isi permohonan, bersama FAQ tiap bidang.
 */
export interface DivisionSeed {
  code: 'DAFDUK' | 'CAPIL';
  name: string;
  description: string;
  topics: string[];
}

export const DIVISIONS: DivisionSeed[] = [
  {
    code: 'DAFDUK',
    name: 'Bidang Pendaftaran Penduduk',
    description:
      'Menangani pendaftaran penduduk: penerbitan Nomor Induk Kependudukan (NIK), perekaman dan pencetakan KTP-el, Kartu Keluarga, Kartu Identitas Anak, aktivasi Identitas Kependudukan Digital, serta pelayanan pindah-datang penduduk, termasuk layanan jemput bola dan layanan keliling.',
    topics: [
      'ktp',
      'e-ktp',
      'ktp-el',
      'ektp',
      'perekaman',
      'rekam',
      'blanko',
      'kartu keluarga',
      'kk',
      'kia',
      'kartu identitas anak',
      'nik',
      'ikd',
      'identitas digital',
      'pindah',
      'datang',
      'skpwni',
      'domisili',
      'alamat',
      'jemput bola',
    ],
  },
  {
    code: 'CAPIL',
    name: 'Bidang Pencatatan Sipil',
    description:
      'Menangani pencatatan peristiwa penting: kelahiran, kematian, perkawinan dan perceraian (bagi yang tidak dicatat oleh KUA/Pengadilan Agama), pengakuan dan pengesahan anak, pengangkatan anak, perubahan nama dan kewarganegaraan, serta pembetulan dan pembatalan akta pencatatan sipil.',
    topics: [
      'akta',
      'akte',
      'kelahiran',
      'lahir',
      'kematian',
      'meninggal',
      'perkawinan',
      'pernikahan',
      'nikah',
      'perceraian',
      'cerai',
      'pengakuan anak',
      'pengesahan anak',
      'pengangkatan anak',
      'adopsi',
      'ganti nama',
      'perubahan nama',
      'pembetulan akta',
      'kewarganegaraan',
      'catatan pinggir',
    ],
  },
];
