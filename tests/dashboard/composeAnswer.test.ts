import { insertAt } from '../../dashboard/src/inquiries/composeAnswer';

const INFO = 'Dari Bidang Dafduk: KTP-el Anda sudah dicetak.';
const FAQ = 'KTP-el dapat diambil di loket 3 dengan membawa bukti perekaman.';

describe('an FAQ entry is inserted into the answer, never over it', () => {
  it.each([
    ['an empty answer takes the entry alone', '', 0, 0, FAQ, FAQ.length],
    ['at the end, after the Bidang’s information, as its own paragraph', INFO, INFO.length, INFO.length, `${INFO}\n\n${FAQ}`, INFO.length + 2 + FAQ.length],
    ['at the start, before it', INFO, 0, 0, `${FAQ}\n\n${INFO}`, FAQ.length],
    ['between two paragraphs, keeping both', `Salam.\n\n${INFO}`, 8, 8, `Salam.\n\n${FAQ}\n\n${INFO}`, 8 + FAQ.length],
    ['a selection is replaced, as typing would', `Salam. xxx ${INFO}`, 7, 11, `Salam. \n\n${FAQ}\n\n${INFO}`, 9 + FAQ.length],
  ])('%s', (_, text, start, end, expected, cursor) => {
    expect(insertAt(text, FAQ, start, end)).toEqual({ text: expected, cursor });
  });

  it('appends when no cursor is known', () => {
    expect(insertAt(INFO, FAQ).text).toBe(`${INFO}\n\n${FAQ}`);
  });
});
