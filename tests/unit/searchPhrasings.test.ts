import { FAQ_ENTRIES } from '../../cms/src/seed/data/faq';
import { search, suggestDivision } from '../../cms/src/search/engine';
import { seededIndex } from '../helpers/search';

/** The one demo FAQ entry whose question contains the fragment. */
function entry(fragment: string): string {
  const found = FAQ_ENTRIES.filter((faq) => faq.question.toLowerCase().includes(fragment.toLowerCase()));
  if (found.length !== 1) throw new Error(`"${fragment}" names ${found.length} demo FAQ entries, not one`);
  return found[0].question;
}

const index = seededIndex();
const first = (text: string) => search(index, text, { kind: 'faq' })[0]?.document.question;

/**
 * What citizens and officers type, as they type it (slang, typos, "akte", "ilang", "e-ktp"), and the demo
 * FAQ entry a person would expect first.
 */
const PHRASINGS: [typed: string, expected: string][] = [
  ['akte kelahiran', 'syarat mengurus akta kelahiran'],
  ['syarat akte lahir', 'syarat mengurus akta kelahiran'],
  ['bikin akte anak', 'syarat mengurus akta kelahiran'],
  ['akte kelahiran bayar gak', 'akta kelahiran dikenai biaya'],
  ['akte lahir telat 2 tahun', 'terlambat dilaporkan'],
  ['e-ktp', 'membuat KTP-el pertama kali'],
  ['ktp hilang', 'KTP-el saya hilang'],
  ['ktp ilang', 'KTP-el saya hilang'],
  ['e-ktp hilang di jalan', 'KTP-el saya hilang'],
  ['ktp elektronik saya hilang', 'KTP-el saya hilang'],
  ['kehilangan ktp', 'KTP-el saya hilang'],
  ['ektp patah', 'rusak atau chip-nya'],
  ['chip ktp tidak terbaca', 'rusak atau chip-nya'],
  ['ktp expired harus perpanjang?', 'Masa berlaku'],
  ['perpanjang e ktp', 'Masa berlaku'],
  ['syarat buat ktp pertama', 'membuat KTP-el pertama kali'],
  ['rekam ktp umur 16 tahun', 'belum genap 17 tahun'],
  ['ktp belum jadi', 'Berapa lama KTP-el'],
  ['ambil ktp boleh diwakilkan', 'diwakilkan'],
  ['syarat kia', 'syarat membuat KIA'],
  ['kartu identitas anak itu apa', 'Apa itu KIA'],
  ['cara urus kk baru', 'Kartu Keluarga baru setelah menikah'],
  ['kk baru habis nikah', 'Kartu Keluarga baru setelah menikah'],
  ['pisah kk dari ortu', 'pisah KK'],
  ['kartu kelurga hilang', 'Kartu Keluarga saya hilang'],
  ['kk ilang', 'Kartu Keluarga saya hilang'],
  ['masukin bayi ke kk', 'menambah anggota keluarga'],
  ['kk print sendiri hvs', 'Kartu Keluarga sekarang boleh dicetak sendiri'],
  ['ganti nama di kk', 'kesalahan penulisan pada akta kelahiran'],
  ['salah nama di kk', 'data yang salah di KK'],
  ['tanggal lahir di kk salah', 'data yang salah di KK'],
  ['salah ketik nama di akte', 'kesalahan penulisan pada akta kelahiran'],
  ['akta kematian ayah', 'mengurus akta kematian'],
  ['lapor orang meninggal', 'mengurus akta kematian'],
  ['akte kematian buat warisan', 'Untuk apa akta kematian'],
  ['nikah di gereja catat dimana', 'perkawinan bagi penduduk non-muslim'],
  ['sudah nikah di kua perlu lapor?', 'menikah di KUA'],
  ['urus perceraian status kk', 'mencatatkan perceraian'],
  ['pindah domisili', 'pindah domisili ke luar'],
  ['pindahan dari surabaya ke probolinggo', 'pindah dari kota lain'],
  ['pindah alamat dalam kota', 'pindah alamat di dalam Kota'],
  ['surat pindah online', 'surat pindah bisa diurus secara online'],
  ['jam buka kantor dukcapil', 'jam layanan'],
  ['sabtu buka ga', 'jam layanan'],
  ['bayar berapa bikin ktp', 'dipungut biaya'],
  ['aktivasi ktp digital', 'Identitas Kependudukan Digital'],
  ['nenek sakit tidak bisa datang rekam ktp', 'jemput bola'],
  ['nik tidak terdaftar di bpjs', 'NIK saya tidak ditemukan'],
  ['komplain pelayanan', 'menyampaikan pengaduan'],
  ['akte kelahiran cetak hvs', 'akta kelahiran dan akta kematian juga bisa dicetak'],
  ['pengesahan anak', 'pengakuan atau pengesahan anak'],
  ['anak lahir orang tua nikah siri', 'belum memiliki buku nikah'],
  ['kematain', 'mengurus akta kematian'],
  ['persyaratan perkawinan non muslim', 'perkawinan bagi penduduk non-muslim'],
];

describe('the FAQ search in citizens’ words, against the demo FAQ', () => {
  it.each(PHRASINGS)('"%s" finds first: %s', (typed, expected) => {
    expect(first(typed)).toBe(entry(expected));
  });

  it('reads "e-ktp" as every KTP-el entry, the lost and the damaged card among them', () => {
    const found = search(index, 'e-ktp', { kind: 'faq' }).map((hit) => hit.document.question);
    expect(found).toEqual(expect.arrayContaining([entry('KTP-el saya hilang'), entry('rusak atau chip-nya'), entry('membuat KTP-el pertama kali')]));
  });

  it('finds nothing for words no entry knows, nor for greetings or punctuation alone', () => {
    expect(search(index, 'resep rendang padang')).toEqual([]);
    expect(search(index, 'Assalamualaikum, selamat pagi. Terima kasih.')).toEqual([]);
    expect(search(index, '?!… 🙂 ///')).toEqual([]);
    expect(search(index, '')).toEqual([]);
  });
});

describe('the Bidang suggested at triage, from the same engine', () => {
  it.each([
    ['Syarat membuat KTP-el baru untuk anak saya', 'DAFDUK'],
    ['Mengurus akta kelahiran', 'CAPIL'],
    ['akte kematian bapak saya yang meninggal bulan lalu', 'CAPIL'],
    ['mau pindah domisili ke Malang, surat pindahnya gimana', 'DAFDUK'],
    ['kk ilang waktu banjir', 'DAFDUK'],
    ['nikah di gereja, catat akta perkawinan', 'CAPIL'],
    ['ganti nama anak di akte', 'CAPIL'],
  ])('"%s" goes to %s', (text, division) => {
    expect(suggestDivision(index, text)).toBe(division);
  });

  it('suggests nothing when nothing in the request is known', () => {
    expect(suggestDivision(index, 'halo')).toBeNull();
  });
});
