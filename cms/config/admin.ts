import type { Core } from '@strapi/strapi';
import { faqPreviewUrl } from '../src/utils/preview';

/** The public site is served by this same server, at PUBLIC_URL when it sits behind a proxy. */
function siteOrigins(publicUrl: string): string[] {
  return publicUrl ? ["'self'", new URL(publicUrl).origin] : ["'self'"];
}

export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  flags: { nps: false, promoteEE: false },
  preview: {
    enabled: true,
    config: {
      allowedOrigins: siteOrigins(env('PUBLIC_URL', '')),
      // Only FAQ entries have a public page; the other editor content types have nothing to preview.
      async handler(uid: string, { documentId }: { documentId: string }) {
        if (uid !== 'api::faq-entry.faq-entry') return null;
        return faqPreviewUrl(env('PUBLIC_URL', ''), env('ADMIN_JWT_SECRET', ''), documentId);
      },
    },
  },
});
