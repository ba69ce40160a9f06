/**
 * Hari libur nasional dan cuti bersama (dipakai untuk menghitung hari kerja).
 *
 * - 2026: sesuai SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB
 *   Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, dan Nomor 5 Tahun 2025
 *   (17 hari libur nasional + 8 hari cuti bersama).
 * - 2027: PERKIRAAN. SKB 2027 belum terbit saat data ini disusun.
 * - Tanggal hari besar Islam (Isra Mikraj, Idulfitri, Iduladha, Tahun Baru
 *   Islam, Maulid Nabi) mengikuti keputusan pemerintah/sidang isbat; editor
 *   mengoreksinya di panel admin bila berbeda.
 * - Cuti bersama ditambahkan editor setiap tahun sesuai SKB yang berlaku;
 *   di sini baru tercantum cuti bersama 2026.
 */
export interface HolidaySeed {
  date: string /* YYYY-MM-DD */;
  name: string;
  kind: 'national' | 'cuti_bersama';
}

export const HOLIDAYS: HolidaySeed[] = [
  // ------------------------------------------------------------- 2026
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'national' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'national' },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'national' },
  { date: '2026-03-20', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti_bersama' },
  { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah', kind: 'national' },
  { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah (hari kedua)', kind: 'national' },
  { date: '2026-03-23', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'national' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'national' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'national' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'national' },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-05-27', name: 'Iduladha 1447 Hijriah', kind: 'national' },
  { date: '2026-05-28', name: 'Cuti Bersama Iduladha 1447 Hijriah', kind: 'cuti_bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'national' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'national' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 Hijriah', kind: 'national' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'national' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'national' },
  { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal (Kelahiran Yesus Kristus)', kind: 'national' },

  // ------------------------------------------------- 2027 (perkiraan)
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'national' },
  { date: '2027-01-05', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
  { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili', kind: 'national' },
  { date: '2027-03-08', name: 'Hari Suci Nyepi (Tahun Baru Saka 1949)', kind: 'national' },
  { date: '2027-03-10', name: 'Idulfitri 1448 Hijriah', kind: 'national' },
  { date: '2027-03-11', name: 'Idulfitri 1448 Hijriah (hari kedua)', kind: 'national' },
  { date: '2027-03-26', name: 'Wafat Yesus Kristus', kind: 'national' },
  { date: '2027-03-28', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'national' },
  { date: '2027-05-01', name: 'Hari Buruh Internasional', kind: 'national' },
  { date: '2027-05-06', name: 'Kenaikan Yesus Kristus', kind: 'national' },
  { date: '2027-05-17', name: 'Iduladha 1448 Hijriah', kind: 'national' },
  { date: '2027-05-20', name: 'Hari Raya Waisak 2571 BE', kind: 'national' },
  { date: '2027-06-01', name: 'Hari Lahir Pancasila', kind: 'national' },
  { date: '2027-06-06', name: 'Tahun Baru Islam 1449 Hijriah', kind: 'national' },
  { date: '2027-08-15', name: 'Maulid Nabi Muhammad SAW', kind: 'national' },
  { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'national' },
  { date: '2027-12-25', name: 'Hari Raya Natal (Kelahiran Yesus Kristus)', kind: 'national' },
  // 27 Rajab 1449 H jatuh lagi di akhir 2027 (dua kali Isra Mikraj dalam satu tahun Masehi).
  { date: '2027-12-26', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'national' },
];
