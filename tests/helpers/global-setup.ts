import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The libraries and the CMS are compiled once for the whole run; every suite boots the compiled app. */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-libs.mjs')], { cwd: root, stdio: 'inherit' });
  const { compileStrapi } = await import('@strapi/strapi');
  await compileStrapi({ appDir: path.join(root, 'cms') });
}
