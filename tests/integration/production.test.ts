import { databases } from '../helpers/strapi';
import { runScript } from '../helpers/scripts';

/**
 * docs/operasional.md, done by scripts/production-check.mjs on this machine: the server as systemd starts it
 * in production on a fresh database, answering, then stopping cleanly on SIGTERM within ten seconds.
 */
describe.each(databases())('the production install on %s', (kind) => {
  it('answers on /api/health, the admin and the public site, and stops on SIGTERM within 10 s without losing the request under way', async () => {
    const run = await runScript('production-check', [`--database=${kind}`], { DATABASE_FILENAME: undefined });
    const passed = run.output.split('\n').filter((line) => line.startsWith('  ✓'));
    expect({ code: run.code, failed: run.output.split('\n').filter((line) => line.startsWith('  ✗')) }).toEqual({ code: 0, failed: [] });
    expect(passed.join('\n')).toMatch(/GET \/api\/health answers 200/);
    expect(passed.join('\n')).toMatch(/the public site answers/);
    expect(passed.join('\n')).toMatch(/the request under way at SIGTERM is finished and answered/);
    expect(passed.join('\n')).toMatch(/exits with code 0/);
    expect(passed.join('\n')).toMatch(/within 10 s of SIGTERM/);
  });
});
