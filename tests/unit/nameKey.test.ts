import { nameKey } from '../../config/src/nameKey';

describe('nameKey: a name as the search compares it', () => {
  it.each([
    ['capitals', 'SITI NURHALIZA', 'siti nurhaliza'],
    ['accents', 'Stéfanus Andrè Nurhalizá', 'stefanus andre nurhaliza'],
    ['spacing', '  Siti \t Nurhaliza ', 'siti nurhaliza'],
    ['a ligature written as one letter', 'ﬁtri', 'fitri'],
    ['an apostrophe kept', "Ma'ruf", "ma'ruf"],
  ])('%s', (_, name, expected) => {
    expect(nameKey(name)).toBe(expected);
  });
});
