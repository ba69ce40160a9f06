/**
 * The origins a browser may call the API and the admin from with the user's credentials: the address the
 * product is served at (PUBLIC_URL) and those listed in CORS_ORIGINS (a dashboard dev server). Any other
 * origin gets no CORS headers at all, so its pages cannot read an answer, nor turn the admin's refresh
 * cookie into a token.
 */
export function allowedOrigins(publicUrl: string, listed: string): string[] {
  const origins = new Set<string>();
  const entries = [publicUrl, ...listed.split(',')].map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`CORS_ORIGINS/PUBLIC_URL: "${entry}" is not an address (expected e.g. https://layanan.example.go.id).`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`CORS_ORIGINS/PUBLIC_URL: "${entry}" is not an http(s) address.`);
    origins.add(url.origin);
  }
  return [...origins];
}
