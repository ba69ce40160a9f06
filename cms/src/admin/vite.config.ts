import path from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';

// The shared definitions are compiled from source into the admin bundle, as the dashboard does.
export default (config: UserConfig) =>
  mergeConfig(config, {
    resolve: { alias: { '@layanan/config': path.resolve(__dirname, '../../../config/src/index.ts') } },
  });
