import { parseUpdate, subjectOf } from '../../plugins/channels/src/telegram/parse';
import { withBoldCode } from '../../plugins/channels/src/telegram/compose';

const message = (overrides: Record<string, unknown> = {}) => ({
  update_id: 1,
  message: { message_id: 42, date: 1_793_600_000, chat: { id: 5_123_456_701, type: 'private' }, from: { first_name: 'Budi', last_name: 'Santoso' }, text: 'Syarat KTP-el?', ...overrides },
});

describe('what a citizen’s Telegram update becomes', () => {
  it('a private chat’s text, with the sender’s name and Telegram’s time', () => {
    expect(parseUpdate(message())).toEqual({ kind: 'message', message: { chatId: '5123456701', messageId: 42, name: 'Budi Santoso', text: 'Syarat KTP-el?', at: 1_793_600_000_000 } });
  });

  it('a photo’s caption counts as its text; a sticker has none', () => {
    expect(parseUpdate(message({ text: undefined, caption: 'Foto KK saya' }))).toMatchObject({ kind: 'message', message: { text: 'Foto KK saya' } });
    expect(parseUpdate(message({ text: undefined }))).toEqual({ kind: 'no-text' });
  });

  it('a group is never a citizen', () => {
    expect(parseUpdate(message({ chat: { id: -100123, type: 'supergroup' } }))).toEqual({ kind: 'not-citizen' });
  });

  it('the subject is the first line, shortened at a word', () => {
    expect(subjectOf('\nApa syarat KK baru?\nSaya baru menikah.')).toBe('Apa syarat KK baru?');
    const line = `Mohon informasi ${'tentang pengurusan akta kelahiran '.repeat(5)}`;
    const long = subjectOf(line);
    expect(Array.from(long).length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
    const kept = long.slice(0, -1);
    expect(line.startsWith(kept)).toBe(true);
    expect(line[kept.length]).toBe(' ');
  });
});

describe('what the bot writes to a citizen', () => {
  it('the chat texts’ bold code becomes a Telegram entity over plain text, wherever it appears', () => {
    const code = 'INF-2611-00042';
    const text = `Terima kasih, kode *${code}*.\n\nJawaban atas *${code}*: pakai token a_b*c_d.`;
    const { text: plain, entities } = withBoldCode(text, code);
    expect(plain).toBe(`Terima kasih, kode ${code}.\n\nJawaban atas ${code}: pakai token a_b*c_d.`);
    expect(entities).toEqual([
      { type: 'bold', offset: plain.indexOf(code), length: code.length },
      { type: 'bold', offset: plain.lastIndexOf(code), length: code.length },
    ]);
  });

  it('counts offsets as Telegram does, in UTF-16 units, after an emoji or an accented name', () => {
    const { text, entities } = withBoldCode('👋 Bu Séna, kode *ADU-2611-00003*', 'ADU-2611-00003');
    expect(text.slice(entities[0].offset, entities[0].offset + entities[0].length)).toBe('ADU-2611-00003');
    expect(entities[0].offset).toBe('👋 Bu Séna, kode '.length);
  });
});
