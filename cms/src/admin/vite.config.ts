import path from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';

const ROOT = path.resolve(__dirname, '../../..');

// The shared definitions are compiled from source into the admin bundle, as the dashboard does; Strapi's table
// of language names is reached by its file, the one module its panel reads (see extensions/strapiChrome.ts).
export default (config: UserConfig) =>
  mergeConfig(config, {
    resolve: {
      alias: {
        '@layanan/config': path.join(ROOT, 'config/src/index.ts'),
        'strapi-admin-language-names': path.join(ROOT, 'node_modules/@strapi/admin/dist/admin/admin/src/translations/languageNativeNames.mjs'),
      },
    },
  });
