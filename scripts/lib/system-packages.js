'use strict';
const { accessSync, constants } = require('node:fs');
const { spawnSync } = require('node:child_process');

/**
 * The Debian packages the tests run against, and the files that show each is there. `override` names the
 * variable that points the tests at another copy of the program (and this check with them).
 */
const SYSTEM_PACKAGES = [
  { name: 'chromium', binary: '/usr/bin/chromium', override: 'CHROMIUM_PATH', usedBy: 'the browser story (tests/e2e)' },
  {
    name: 'dovecot-imapd',
    binary: '/usr/sbin/dovecot',
    also: ['/usr/lib/dovecot/imap'],
    override: 'DOVECOT_PATH',
    usedBy: 'the real IMAP server tier (tests/integration/email-dovecot.test.ts)',
  },
  {
    name: 'faketime',
    binary: '/usr/bin/faketime',
    also: ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1'],
    override: 'FAKETIME_PATH',
    usedBy: 'the clock check (scripts/test-clock.mjs: the unit and component suites at instants that broke tests before)',
  },
];

class SystemPackageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SystemPackageError';
  }
}

/** The program the tests start for this package: the override when set, else Debian's path. */
function binaryOf(pkg, env = process.env) {
  return (pkg.override && env[pkg.override]) || pkg.binary;
}

/** A program must be executable; the files beside it (a preload library, a helper) only readable. */
function isUsable(file, mode = constants.R_OK) {
  try {
    accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
}
const isProgram = (file) => isUsable(file, constants.X_OK);

/** The files of a package that are not there (or not usable); `exists`, when given, judges every file. */
function missingFiles(pkg, env, exists) {
  const program = binaryOf(pkg, env);
  return [program, ...(pkg.also ?? [])].filter((file) => !(exists ? exists(file) : file === program ? isProgram(file) : isUsable(file)));
}

function missingPackages({ packages = SYSTEM_PACKAGES, env = process.env, exists = null } = {}) {
  return packages.filter((pkg) => missingFiles(pkg, env, exists).length > 0);
}

/** apt-get's output is kept back and shown only when it fails. */
function runQuietly(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, error: result.error, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const lastLines = (text, count = 15) => text.trim().split('\n').slice(-count).join('\n');

/**
 * Installs, with one `apt-get update` and one `apt-get install`, every package whose files are missing;
 * returns the names installed (none when everything is there). Throws a SystemPackageError saying what is
 * missing, why it could not be installed and the command to run by hand; never skips quietly.
 */
function ensureSystemPackages({ packages = SYSTEM_PACKAGES, env = process.env, exists = null, run = runQuietly, log = console.log } = {}) {
  const missing = missingPackages({ packages, env, exists });
  if (missing.length === 0) return [];
  const names = missing.map((pkg) => pkg.name);
  const byHand = `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;
  log(`Installing from Debian what the tests need: ${missing.map((pkg) => `${pkg.name}, for ${pkg.usedBy}`).join('; ')}.`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const result = run('apt-get', args);
    if (result.status === 0) continue;
    const why =
      result.error?.code === 'ENOENT'
        ? 'apt-get is not on this machine (the tests expect Debian or a derivative)'
        : `\`apt-get ${args.join(' ')}\` failed (${result.error ? result.error.message : `exit ${result.status}`})${result.output.trim() ? `:\n${lastLines(result.output)}` : ''}`;
    throw new SystemPackageError(`Could not install ${names.join(', ')}: ${why}\nInstall ${names.length > 1 ? 'them' : 'it'} as root and run the tests again:\n  ${byHand}`);
  }
  const still = missingPackages({ packages: missing, env, exists });
  if (still.length > 0) {
    const where = still.map((pkg) => {
      return `${pkg.name}: ${missingFiles(pkg, env, exists).join(', ')}${pkg.override && env[pkg.override] ? ` (${pkg.override}=${env[pkg.override]})` : ''}`;
    });
    throw new SystemPackageError(`apt-get installed ${names.join(', ')}, but these are still missing:\n  ${where.join('\n  ')}`);
  }
  log(`Installed ${names.join(', ')}.`);
  return names;
}

module.exports = { SYSTEM_PACKAGES, SystemPackageError, binaryOf, ensureSystemPackages, missingPackages };

// `node scripts/lib/system-packages.js` (as .ci/run calls it): install what is missing, or say why not and exit 1.
if (require.main === module) {
  try {
    ensureSystemPackages();
  } catch (error) {
    console.error(error instanceof SystemPackageError ? error.message : error);
    process.exit(1);
  }
}
