import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../helpers/wait';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'under-a-shell.mjs');

describe('npm start under a shell', () => {
  it('stops Strapi (a child in its own process group) when the shell npm started it with is killed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parent-watch-'));
    const out = path.join(dir, 'child');
    const read = () => {
      try {
        return readFileSync(out, 'utf8');
      } catch {
        return '';
      }
    };
    try {
      // As npm runs a script: `sh -c "<command>"`, and a SIGTERM to npm reaches that shell only.
      const shell = spawn('sh', ['-c', `"${process.execPath}" "${FIXTURE}" "${out}"`], { stdio: 'ignore' });
      await waitFor(() => read() === 'ready', 10_000, 'the child to start');
      shell.kill('SIGTERM');
      await waitFor(() => read() === 'stopped', 10_000, 'the child to be stopped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
