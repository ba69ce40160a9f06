#!/usr/bin/env node
// Compiles the shared config package and every local Strapi plugin (a plugin that is not built is
// silently skipped by Strapi). Used by `npm start`, `npm test` and the benchmarks.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const packages = ['config', ...readdirSync(path.join(root, 'plugins')).map((name) => path.join('plugins', name))]
  .filter((dir) => existsSync(path.join(root, dir, 'tsconfig.json')))
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    return { dir, name: manifest.name, needs: Object.keys(manifest.dependencies ?? {}) };
  });

/** Each package after the local packages it depends on (a plugin's types come from the other's build). */
function buildOrder() {
  const order = [];
  const visit = (pkg, path = []) => {
    if (order.includes(pkg)) return;
    if (path.includes(pkg)) throw new Error(`local packages depend on each other: ${[...path, pkg].map((p) => p.name).join(' → ')}`);
    for (const need of pkg.needs) {
      const local = packages.find((other) => other.name === need);
      if (local) visit(local, [...path, pkg]);
    }
    order.push(pkg);
  };
  packages.forEach((pkg) => visit(pkg));
  return order.map((pkg) => pkg.dir);
}

for (const project of buildOrder()) {
  execFileSync(tsc, ['-p', project], { cwd: root, stdio: 'inherit' });
}
