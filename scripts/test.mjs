#!/usr/bin/env node
// `npm test`: installs what is missing (the Debian packages of scripts/lib/system-packages.js, the node modules),
// then runs every jest suite (unit, integration on SQLite, and on PostgreSQL as well when DATABASE_URL is set).
// Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages, SystemPackageError } from './lib/system-packages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

// Debian's Chromium and Dovecot: the browser story and the real IMAP server tier run against them.
try {
  ensureSystemPackages();
} catch (error) {
  if (!(error instanceof SystemPackageError)) throw error;
  console.error(`npm test: ${error.message}`);
  process.exit(1);
}

const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
  const status = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) process.exit(status);
}

mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
const jest = path.join(root, 'node_modules', '.bin', 'jest');
process.exit(run(jest, ['--json', '--outputFile=test-artifacts/jest-results.json', ...process.argv.slice(2)]));
