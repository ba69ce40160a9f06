import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The libraries, the CMS and the dashboard are built once for the whole run; every suite uses the built app. */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-libs.mjs')], { cwd: root, stdio: 'inherit' });
  // The browser test serves the built dashboard; the build is skipped while it is newer than its sources.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-dashboard.mjs')], { cwd: root, stdio: 'inherit' });
  const { compileStrapi } = await import('@strapi/strapi');
  await compileStrapi({ appDir: path.join(root, 'cms') });
}
