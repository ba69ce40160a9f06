import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The libraries and the CMS are compiled once for the whole run; every suite boots the compiled app. */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', 'config'], { cwd: root, stdio: 'inherit' });
  execFileSync(tsc, ['-p', 'plugins/sop-workflow'], { cwd: root, stdio: 'inherit' });
  const { compileStrapi } = await import('@strapi/strapi');
  await compileStrapi({ appDir: path.join(root, 'cms') });
}
