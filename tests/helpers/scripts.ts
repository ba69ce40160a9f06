import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ScriptRun {
  code: number | null;
  output: string;
}

/**
 * One of the product's own scripts (scripts/<name>.mjs) as an operator runs it, with the given environment
 * on top of this process's (a value `undefined` removes a variable: a suite on SQLite must not pass
 * PostgreSQL's DATABASE_URL on). Resolves when it exits, with everything it printed.
 */
export function runScript(name: string, args: string[], env: Record<string, string | undefined>): Promise<ScriptRun> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[key] = value;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${name}.mjs`), ...args], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}
