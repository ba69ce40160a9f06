#!/usr/bin/env node
// Compiles the shared config package and every local Strapi plugin (a plugin that is not built is
// silently skipped by Strapi). Used by `npm start`, `npm test` and the benchmarks.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const plugins = readdirSync(path.join(root, 'plugins'))
  .map((name) => path.join('plugins', name))
  .filter((dir) => existsSync(path.join(root, dir, 'tsconfig.json')));

for (const project of ['config', ...plugins]) {
  execFileSync(tsc, ['-p', project], { cwd: root, stdio: 'inherit' });
}
