import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { allowedOrigins } from '../src/utils/origins';

/**
 * A body the parser cannot read (a cut-off multipart form, a bad encoding) is the client's mistake: a 400
 * that says so. The parser's own 4xx (a JSON syntax error, a body too large) keep their status.
 */
function unreadableBody(error: Error & { status?: number }): never {
  if (error.status && error.status >= 400 && error.status < 500) throw error;
  throw new errors.ValidationError('Isi permintaan tidak dapat dibaca. Kirim JSON dengan Content-Type: application/json.');
}

// No strapi::poweredBy: the server does not announce what it runs.
export default ({ env }: { env: Core.Config.Shared.ConfigParams['env'] }) => [
  'global::request-log',
  'global::no-store',
  'strapi::errors',
  'global::method-not-allowed',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: allowedOrigins(env('PUBLIC_URL', ''), env('CORS_ORIGINS', '')) } },
  // The API's JSON compressed as the client accepts (a Bidang's queue on a phone: 20 KB become 3). The built
  // pages and scripts are compressed at build instead (global::dashboard), so this leaves them alone.
  { name: 'strapi::compression', config: { filter: (type: string) => /json/i.test(type), threshold: 1024 } },
  'strapi::query',
  'global::query-guard',
  {
    name: 'strapi::body',
    // includeUnparsed keeps the raw body beside the parsed one: Meta's webhook signature is over those bytes.
    config: { jsonLimit: '256kb', formLimit: '256kb', textLimit: '256kb', includeUnparsed: true, onError: unreadableBody },
  },
  'global::body-guard',
  'strapi::session',
  'strapi::favicon',
  'global::dashboard',
  'strapi::public',
];
