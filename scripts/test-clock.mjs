#!/usr/bin/env node
// `npm run test:clock`: the unit and component suites run again at instants that have broken tests before, under
// Debian's faketime, in several machine time zones. A test that reads the wall clock instead of an injected one
// passes at noon and fails at one of these. Expects the libraries to be built (`npm test` does it first).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const faketime = process.env.FAKETIME_PATH ?? '/usr/bin/faketime';
const jest = path.join(root, 'node_modules', '.bin', 'jest');

/** When the office's day rolls over in the evening, at the year's end, on a Friday afternoon, at a short month's end. */
export const INSTANTS = [
  { at: '2026-12-07 19:30:00 +0700', tz: 'UTC', why: '19.30 WIB: an hour ahead falls on tomorrow in WIB, not in UTC' },
  { at: '2026-12-31 23:59:00 +0700', tz: 'Asia/Jakarta', why: '23.59 WIB on 31 December: tomorrow is another year' },
  { at: '2026-12-04 16:59:00 +0700', tz: 'America/New_York', why: '16.59 WIB on a Friday: the office closes for the weekend' },
  { at: '2027-03-01 00:00:00 +0700', tz: 'Asia/Jakarta', why: '00.00 WIB on 1 March: last month had 28 days' },
];

// The built libraries and dashboard are reused; no Strapi is booted, so no global setup.
const config = JSON.stringify({
  ...(await import(path.join(root, 'jest.config.js'))).default,
  globalSetup: undefined,
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/dashboard/**/*.test.ts', '<rootDir>/tests/dashboard/**/*.test.tsx'],
});

let failed = 0;
for (const { at, tz, why } of INSTANTS) {
  console.log(`\n── ${at} (machine zone ${tz}): ${why}`);
  const result = spawnSync(faketime, ['-m', '--exclude-monotonic', at, process.execPath, jest, '--config', config, '--silent', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: tz, NO_FAKE_STAT: '1' },
  });
  if (result.status !== 0) failed += 1;
}
console.log(failed ? `\nThe suites failed at ${failed} of ${INSTANTS.length} instants.` : `\nThe suites passed at all ${INSTANTS.length} instants.`);
process.exit(failed ? 1 : 0);
