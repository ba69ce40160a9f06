import { isSealed, open, seal } from '../../plugins/channels/src/settings/secretBox';

const KEY = 'kunci-enkripsi-server-uji';

describe('channel secrets at rest', () => {
  it('seals a secret so that the stored form holds none of it, and opens it with the same ENCRYPTION_KEY', () => {
    const sealed = seal('sandi-imap-rahasia', KEY);
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('sandi-imap-rahasia');
    expect(open(sealed, KEY)).toBe('sandi-imap-rahasia');
    // A fresh nonce each time: the same secret never looks the same twice.
    expect(seal('sandi-imap-rahasia', KEY).data).not.toBe(sealed.data);
  });

  it('opens nothing under another key or after tampering, and refuses to seal without a key', () => {
    const sealed = seal('token-meta', KEY);
    expect(open(sealed, 'kunci-lain')).toBeNull();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(open({ ...sealed, data: data.toString('base64') }, KEY)).toBeNull();
    expect(() => seal('token-meta', '')).toThrow('ENCRYPTION_KEY');
    expect(isSealed('teks biasa')).toBe(false);
  });
});
