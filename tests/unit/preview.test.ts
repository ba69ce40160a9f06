import { PREVIEW_LIFETIME_MS, faqPreviewUrl, previewTokenValid, signPreview } from '../../cms/src/utils/preview';

const SECRET = 'admin-jwt-secret-for-tests';
const NOW = Date.UTC(2026, 2, 2, 2, 0);

describe('the FAQ preview link', () => {
  it('opens the draft it was made for while it is fresh', () => {
    const token = signPreview(SECRET, 'abc123', NOW);
    expect(previewTokenValid(SECRET, 'abc123', token, NOW + PREVIEW_LIFETIME_MS - 1)).toBe(true);
  });

  it.each([
    ['another entry', () => previewTokenValid(SECRET, 'other', signPreview(SECRET, 'abc123', NOW), NOW)],
    ['another server secret', () => previewTokenValid('another', 'abc123', signPreview(SECRET, 'abc123', NOW), NOW)],
    ['an expired token', () => previewTokenValid(SECRET, 'abc123', signPreview(SECRET, 'abc123', NOW), NOW + PREVIEW_LIFETIME_MS)],
    ['a pushed-back expiry', () => previewTokenValid(SECRET, 'abc123', signPreview(SECRET, 'abc123', NOW).replace(/^\d+/, String(NOW + 1000)), NOW)],
    ['a token dated far ahead', () => previewTokenValid(SECRET, 'abc123', signPreview(SECRET, 'abc123', NOW + 10 * PREVIEW_LIFETIME_MS), NOW)],
    ['no token', () => previewTokenValid(SECRET, 'abc123', undefined, NOW)],
    ['a query object instead of a token', () => previewTokenValid(SECRET, 'abc123', { $ne: 'x' }, NOW)],
    ['an unset server secret', () => previewTokenValid('', 'abc123', signPreview('', 'abc123', NOW), NOW)],
  ])('refuses %s', (_case, check) => {
    expect(check()).toBe(false);
  });

  it('points at the public FAQ page of the draft, behind the public address when there is one', () => {
    expect(faqPreviewUrl('', SECRET, 'abc123')).toMatch(/^\/faq\/pratinjau\/abc123\?token=\d{13}\.[\w-]{43}$/);
    expect(faqPreviewUrl('https://layanan.example.go.id/', SECRET, 'abc123')).toMatch(/^https:\/\/layanan\.example\.go\.id\/faq\/pratinjau\/abc123\?token=/);
  });
});
