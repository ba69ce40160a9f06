import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const SCRIPTS = path.resolve(__dirname, '..', '..', 'scripts');
const benchFiles = () => [
  ...readdirSync(SCRIPTS).filter((f) => f.startsWith('bench-')).map((f) => path.join(SCRIPTS, f)),
  ...readdirSync(path.join(SCRIPTS, 'bench')).map((f) => path.join(SCRIPTS, 'bench', f)),
];

/** A port number written into the code where a server is told where to listen. */
const FIXED_PORT = /\bPORT\s*[:=]\s*['"`]?\d{2,5}\b|\bport\s*:\s*\d{2,5}\b|\blisten\(\s*\d{2,5}\b|option\(\s*'port'\s*,\s*[1-9]\d+/;

describe('benchmarks run beside anything else on the machine', () => {
  it.each(benchFiles().map((file) => [path.relative(SCRIPTS, file), file]))('%s names no fixed port', (_name, file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(FIXED_PORT);
  });

  it('picks a port nobody listens on, even while another one is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const busy = (taken.address() as net.AddressInfo).port;
    try {
      const picked = Number(execFileSync(process.execPath, ['--input-type=module', '-e', `import { freePort } from ${JSON.stringify(path.join(SCRIPTS, 'lib', 'bench.mjs'))}; console.log(await freePort());`], { encoding: 'utf8' }));
      expect(picked).not.toBe(busy);
      const probe = net.createServer();
      await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(picked, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
