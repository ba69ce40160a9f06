/**
 * Padanan kata awal untuk pencarian FAQ dan saran Bidang: cara warga menulis (akte, ilang, e-ktp) di
 * samping istilah resmi. Editor menambah dan mengubahnya di panel admin (Padanan Kata).
 */
export const SYNONYM_GROUPS: string[] = [
  'akta, akte, akter',
  'KTP, KTP-el, e-KTP, eKTP, KTP elektronik, kartu tanda penduduk',
  'KK, kartu keluarga',
  'KIA, kartu identitas anak, KTP anak, kartu anak',
  'IKD, identitas kependudukan digital, KTP digital',
  'NIK, nomor induk kependudukan',
  'hilang, ilang, kehilangan, lenyap',
  'rusak, patah, robek, sobek',
  'lahir, kelahiran, lahiran, melahirkan',
  'kematian, meninggal, meninggal dunia, wafat, mati, almarhum',
  'nikah, menikah, kawin, perkawinan, pernikahan',
  'cerai, perceraian, talak',
  'pindah, pindahan, mutasi, pindah domisili, pindah alamat',
  'syarat, persyaratan, berkas',
  'buat, bikin, membuat, pembuatan, urus, ngurus, mengurus, pengurusan',
  'ubah, ganti, perubahan, mengganti, revisi',
  'biaya, bayar, tarif, ongkos, pungutan',
  'cetak ulang, cetak lagi, print ulang',
  'SKPWNI, surat pindah, surat keterangan pindah',
  'lansia, lanjut usia, manula, jompo',
  'online, daring, lewat hp',
  'jam layanan, jam buka, jam kerja, jam operasional',
  'pengaduan, komplain, keluhan, aduan',
];
