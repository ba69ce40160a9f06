import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_PACKAGES, SystemPackageError, ensureSystemPackages, missingPackages, type CommandResult } from '../../scripts/lib/system-packages';

const ROOT = path.resolve(__dirname, '..', '..');
const ok: CommandResult = { status: 0, output: '' };
const quiet = () => undefined;

/** apt-get as the installer sees it: every call recorded; `install` puts the packages' files in place unless told to fail. */
function fakeApt(files: Set<string>, answers: { update?: CommandResult; install?: CommandResult } = {}) {
  const calls: string[] = [];
  const run = (command: string, args: string[]): CommandResult => {
    calls.push([command, ...args].join(' '));
    const answer = (args[0] === 'update' ? answers.update : answers.install) ?? ok;
    if (args[0] === 'install' && answer.status === 0) {
      for (const pkg of SYSTEM_PACKAGES.filter((p) => args.includes(p.name))) [pkg.binary, ...(pkg.also ?? [])].forEach((file) => files.add(file));
    }
    return answer;
  };
  return { calls, run };
}

const everything = () => new Set(SYSTEM_PACKAGES.flatMap((pkg) => [pkg.binary, ...(pkg.also ?? [])]));
const without = (files: Set<string>, ...gone: string[]) => new Set([...files].filter((file) => !gone.includes(file)));

describe('installing the Debian packages the tests need', () => {
  it('asks apt for nothing when Chromium and Dovecot are there', () => {
    const files = everything();
    const apt = fakeApt(files);
    expect(ensureSystemPackages({ env: {}, exists: (f) => files.has(f), run: apt.run, log: quiet })).toEqual([]);
    expect(apt.calls).toEqual([]);
  });

  it('on a machine without Dovecot, installs dovecot-imapd after an update, the way .ci/run installs Chromium', () => {
    const files = without(everything(), '/usr/sbin/dovecot', '/usr/lib/dovecot/imap');
    const apt = fakeApt(files);
    expect(ensureSystemPackages({ env: {}, exists: (f) => files.has(f), run: apt.run, log: quiet })).toEqual(['dovecot-imapd']);
    expect(apt.calls).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends dovecot-imapd']);
  });

  it('counts Dovecot without its IMAP server (another dovecot package alone) as missing', () => {
    const files = without(everything(), '/usr/lib/dovecot/imap');
    const apt = fakeApt(files);
    ensureSystemPackages({ env: {}, exists: (f) => files.has(f), run: apt.run, log: quiet });
    expect(apt.calls).toContain('apt-get install -y --no-install-recommends dovecot-imapd');
  });

  it('installs all of them with one update and one install, and says why before apt starts', () => {
    const files = new Set<string>();
    const apt = fakeApt(files);
    const lines: string[] = [];
    expect(ensureSystemPackages({ env: {}, exists: (f) => files.has(f), run: apt.run, log: (line) => lines.push(line) })).toEqual(['chromium', 'dovecot-imapd', 'faketime']);
    expect(apt.calls).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium dovecot-imapd faketime']);
    expect(lines[0]).toMatch(/chromium, for the browser story.*dovecot-imapd, for the real IMAP server tier.*faketime, for the clock check/);
  });

  describe('with CHROMIUM_PATH pointing nowhere (a machine without /usr/bin/chromium), on the real file system', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-apt-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const chromiumOnly = SYSTEM_PACKAGES.filter((pkg) => pkg.name === 'chromium');

    it('installs chromium, and is done once the program is there', () => {
      const browser = path.join(dir, 'chromium');
      const calls: string[] = [];
      const run = (command: string, args: string[]): CommandResult => {
        calls.push([command, ...args].join(' '));
        if (args[0] === 'install') {
          writeFileSync(browser, '#!/bin/sh\n');
          chmodSync(browser, 0o755);
        }
        return ok;
      };
      expect(ensureSystemPackages({ packages: chromiumOnly, env: { CHROMIUM_PATH: browser }, run, log: quiet })).toEqual(['chromium']);
      expect(calls).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium']);
    });

    it('fails, naming the path, when the install did not bring the program where the tests look', () => {
      const nowhere = path.join(dir, 'no', 'chromium');
      expect(() => ensureSystemPackages({ packages: chromiumOnly, env: { CHROMIUM_PATH: nowhere }, run: () => ok, log: quiet })).toThrow(
        expect.objectContaining({ name: 'SystemPackageError', message: expect.stringContaining(`CHROMIUM_PATH=${nowhere}`) }),
      );
    });
  });

  it('when apt refuses (not root), fails with apt’s words and the command to run, and installs nothing after', () => {
    const files = new Set<string>();
    const denied = { status: 100, output: 'Reading package lists...\nE: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\n' };
    const apt = fakeApt(files, { update: denied });
    let error: unknown;
    try {
      ensureSystemPackages({ env: {}, exists: (f) => files.has(f), run: apt.run, log: quiet });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SystemPackageError);
    expect((error as Error).message).toMatch(/^Could not install chromium, dovecot-imapd, faketime: `apt-get update` failed \(exit 100\)/);
    expect((error as Error).message).toContain('Permission denied');
    expect((error as Error).message).toContain('apt-get update && apt-get install -y --no-install-recommends chromium dovecot-imapd faketime');
    expect(apt.calls).toEqual(['apt-get update']);
  });

  it('on a machine without apt-get, says so', () => {
    const noApt: CommandResult = { status: null, error: Object.assign(new Error('spawnSync apt-get ENOENT'), { code: 'ENOENT' }), output: '' };
    expect(() => ensureSystemPackages({ env: {}, exists: () => false, run: () => noApt, log: quiet })).toThrow(/apt-get is not on this machine/);
  });

  it('as .ci/run calls it: exits 1 with the reason when apt-get fails, never a silent skip', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-apt-'));
    try {
      const apt = path.join(dir, 'apt-get');
      writeFileSync(apt, '#!/bin/sh\necho "E: Unable to locate package chromium" >&2\nexit 100\n');
      chmodSync(apt, 0o755);
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'lib', 'system-packages.js')], {
        encoding: 'utf8',
        env: { PATH: `${dir}:/usr/bin:/bin`, CHROMIUM_PATH: path.join(dir, 'nowhere') },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Could not install chromium.*`apt-get update` failed \(exit 100\)/);
      expect(result.stderr).toContain('E: Unable to locate package chromium');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the real file system, takes a program that runs and a library beside it that is only readable (faketime’s preload library)', () => {
    const library = path.join(ROOT, 'package.json');
    expect(missingPackages({ packages: [{ name: 'faketime', binary: process.execPath, also: [library], usedBy: 'a test' }], env: {} })).toEqual([]);
    expect(missingPackages({ packages: [{ name: 'faketime', binary: library, also: [], usedBy: 'a test' }], env: {} }).map((pkg) => pkg.name)).toEqual(['faketime']);
  });
});
