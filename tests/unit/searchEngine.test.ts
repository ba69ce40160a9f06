import { synonymWords, synonymsProblem } from '../../config/src/search';
import { buildIndex, queryUnits, search, suggestDivision, type SearchDocument } from '../../cms/src/search/engine';
import { compileSynonyms, findConcepts, formsOf } from '../../cms/src/search/synonyms';
import { normalise, stem, tokenise, withinOneEdit } from '../../cms/src/search/text';

function buildFaq(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return { id, kind: 'faq', division: null, question: '', keywords: [], answer: '', ...fields };
}

describe('the words of a text', () => {
  it.each([
    ['E-KTP  hilang!', 'e ktp hilang'],
    ['Akta Kelahiran (ANAK)', 'akta kelahiran anak'],
    ['Pindah ke Bandung, gimana?', 'pindah ke bandung gimana'],
    ['Café résumé', 'cafe resume'],
    ['  \t ', ''],
  ])('%j reads as %j', (text, words) => {
    expect(normalise(text)).toBe(words);
  });

  it('splits into words, none for punctuation alone', () => {
    expect(tokenise('KTP-el, KK & KIA')).toEqual(['ktp', 'el', 'kk', 'kia']);
    expect(tokenise('?!…')).toEqual([]);
  });

  it.each([
    ['kelahiran', 'lahir'],
    ['pengurusan', 'urus'],
    ['kehilangan', 'hilang'],
    ['persyaratan', 'syarat'],
    ['dicetak', 'cetak'],
    ['kk', 'kk'],
    ['ktp', 'ktp'],
    ['2013', '2013'],
  ])('stems %s to %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it.each([
    ['kematian', 'kematian', true],
    ['kematain', 'kematian', true],
    ['kelurga', 'keluarga', true],
    ['keluarrga', 'keluarga', true],
    ['kelahiran', 'kematian', false],
    ['akte', 'akta', true],
    ['ktp', 'kk', false],
    ['kelurgaa', 'keluarga', false],
  ])('%s and %s are one edit apart or less: %s', (a, b, near) => {
    expect(withinOneEdit(a, b)).toBe(near);
    expect(withinOneEdit(b, a)).toBe(near);
  });
});

describe('synonyms kept by editors', () => {
  it('are words separated by commas, without blanks or repeats', () => {
    expect(synonymWords('akta, akte ,, AKTE;  akte   lahir\nakta')).toEqual(['akta', 'akte', 'akte lahir']);
  });

  it.each([
    ['akta, akte', null],
    ['akta', 'Padanan kata perlu paling sedikit dua kata atau frasa, dipisahkan koma, misalnya: akta, akte.'],
    ['akta, AKTA', 'Padanan kata perlu paling sedikit dua kata atau frasa, dipisahkan koma, misalnya: akta, akte.'],
    ['   ', 'Isi kata-kata yang sama artinya, dipisahkan koma, misalnya: akta, akte.'],
    [null, 'Isi kata-kata yang sama artinya, dipisahkan koma, misalnya: akta, akte.'],
    [`akta, ${'a'.repeat(500)}`, 'Padanan kata terlalu panjang (paling banyak 500 karakter).'],
  ])('%j → %s', (text, problem) => {
    expect(synonymsProblem(text)).toBe(problem);
  });

  it('find the longest phrase first, by the word or its stem, and join groups that share a phrase', () => {
    const table = compileSynonyms([['ktp', 'e-ktp', 'ktp elektronik'], ['kia', 'ktp anak'], ['hilang', 'ilang'], ['ktp elektronik', 'ktp-el']]);
    const words = tokenise('ktp anak ilang, e-ktp kehilangan, ktp-el').map(formsOf);
    const found = findConcepts(table, words);
    expect(found.map(({ start, length }) => [start, length])).toEqual([[0, 2], [2, 1], [3, 2], [5, 1], [6, 2]]);
    const [kia, lost, ktp, lostToo, ktpEl] = found.map((match) => match.group);
    expect(lost).toBe(lostToo);
    expect(ktp).toBe(ktpEl);
    expect(new Set([kia, lost, ktp]).size).toBe(3);
  });
});

describe('the engine', () => {
  it('corrects a typo in a word of five letters or more to a word it knows, not in shorter ones', () => {
    const index = buildIndex([buildFaq('a', { question: 'Akta kematian dan akta' })], []);
    expect(queryUnits(index, 'kematain')[0].alternatives[0]).toEqual(['kematian', 0.8]);
    expect(queryUnits(index, 'akte')[0].alternatives[0]).toEqual(['akte', 1]);
  });

  it('leaves out the words that ask nothing', () => {
    const index = buildIndex([buildFaq('a', { question: 'Syarat KIA' })], []);
    expect(queryUnits(index, 'mau tanya gimana syarat kia ya').map((unit) => unit.alternatives[0][0])).toEqual(['syarat', 'kia']);
  });

  it('ranks a match in the question or the keywords above one in the answer', () => {
    const index = buildIndex(
      [
        buildFaq('in-answer', { question: 'Jam buka kantor', answer: 'Bawa surat kehilangan dari kepolisian.' }),
        buildFaq('in-question', { question: 'Surat kehilangan dari kepolisian', answer: 'Datang ke kantor.' }),
        buildFaq('in-keywords', { question: 'Cetak ulang', keywords: ['surat kehilangan'], answer: 'Datang ke kantor.' }),
      ],
      [],
    );
    expect(search(index, 'surat kehilangan').map((hit) => hit.document.id)).toEqual(['in-question', 'in-keywords', 'in-answer']);
  });

  it('finds through a synonym and a stem, and not through a group it was never given', () => {
    const docs = [buildFaq('lost', { question: 'KK saya hilang' }), buildFaq('birth', { question: 'Syarat akta kelahiran' })];
    const plain = buildIndex(docs, []);
    expect(search(plain, 'lahir').map((hit) => hit.document.id)).toEqual(['birth']);
    expect(search(plain, 'kartu keluarga')).toEqual([]);
    const withSynonyms = buildIndex(docs, [['kk', 'kartu keluarga']]);
    expect(search(withSynonyms, 'kartu keluarga').map((hit) => hit.document.id)).toEqual(['lost']);
  });

  it('keeps to the kind asked for', () => {
    const index = buildIndex([buildFaq('faq', { question: 'Akta kelahiran' }), { ...buildFaq('capil', { question: 'Pencatatan sipil', keywords: ['akta'] }), kind: 'division' }], []);
    expect(search(index, 'akta', { kind: 'faq' }).map((hit) => hit.document.id)).toEqual(['faq']);
    expect(search(index, 'akta').map((hit) => hit.document.id).sort()).toEqual(['capil', 'faq']);
  });
});

describe('the Bidang suggestion', () => {
  const dafduk = { ...buildFaq('DAFDUK', { question: 'Bidang Pendaftaran Penduduk', keywords: ['ktp', 'kartu keluarga', 'pindah'] }), kind: 'division' as const, division: 'DAFDUK' };
  const capil = { ...buildFaq('CAPIL', { question: 'Bidang Pencatatan Sipil', keywords: ['akta', 'kelahiran', 'kematian'] }), kind: 'division' as const, division: 'CAPIL' };

  it('is the Bidang whose topics the request mentions', () => {
    const index = buildIndex([dafduk, capil], []);
    expect(suggestDivision(index, 'Syarat membuat KTP-el baru untuk anak saya')).toBe('DAFDUK');
    expect(suggestDivision(index, 'Mengurus akta kelahiran')).toBe('CAPIL');
    expect(suggestDivision(index, 'Jadwal pelayanan hari Sabtu')).toBeNull();
  });

  it('weighs an FAQ entry the request matches above a single topic word', () => {
    const index = buildIndex([dafduk, capil, buildFaq('f1', { question: 'Anak lahir', keywords: ['bayi baru lahir'], division: 'CAPIL' })], []);
    expect(suggestDivision(index, 'KTP ibu dan bayi baru lahir')).toBe('CAPIL');
  });
});
