import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS = path.join(ROOT, 'cms');

/** `KEY=value` lines (an optional `export`, quotes around the value) as systemd's EnvironmentFile and dotenv read them. */
export function parseEnvFile(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export function readEnvFile(file) {
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

/** What the CMS reads: cms/.env, with the process's own environment winning (as Strapi loads it). */
export function productEnv(env = process.env) {
  return { ...readEnvFile(path.join(CMS, '.env')), ...env };
}
