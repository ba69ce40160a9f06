import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { SYSTEM_PACKAGES, binaryOf, missingPackages } from '../../scripts/lib/system-packages';
import { freePort } from './telegram';
import { waitFor } from './wait';

const PACKAGE = SYSTEM_PACKAGES.find((pkg) => pkg.name === 'dovecot-imapd')!;
export const DOVECOT_USER = 'testuser';
export const DOVECOT_PASS = 'testpass';

/** Why this machine cannot run the Dovecot tier, or null when it can. */
export function dovecotMissing(): string | null {
  if (missingPackages({ packages: [PACKAGE] }).length === 0) return null;
  return `Dovecot's IMAP server (${binaryOf(PACKAGE)}, Debian package ${PACKAGE.name}) is not installed: \`npm test\` installs it (scripts/lib/system-packages.js), or run apt-get install -y --no-install-recommends ${PACKAGE.name} as root.`;
}

interface Account {
  uid: number;
  gid: number;
  /** The user and group Dovecot's own processes run as when it is not started as root. */
  processes: { user: string; group: string } | null;
}

const entry = (file: string, match: (fields: string[]) => boolean) =>
  readFileSync(file, 'utf8').split('\n').map((line) => line.split(':')).find(match);

/**
 * Dovecot refuses to deliver mail as root: as root the mailbox belongs to `nobody` and the login process
 * runs as the package's `dovenull`. Otherwise everything runs as the current user.
 */
function account(): Account {
  if (process.getuid!() !== 0) {
    const gid = process.getgid!();
    return { uid: process.getuid!(), gid, processes: { user: os.userInfo().username, group: entry('/etc/group', (f) => Number(f[2]) === gid)?.[0] ?? String(gid) } };
  }
  const nobody = entry('/etc/passwd', (fields) => fields[0] === 'nobody');
  if (!nobody) throw new Error('the Dovecot tier needs the user nobody to own the test mailbox');
  return { uid: Number(nobody[2]), gid: Number(nobody[3]), processes: null };
}

function config(dir: string, port: number, who: Account): string {
  const users = who.processes
    ? `default_login_user = ${who.processes.user}\ndefault_internal_user = ${who.processes.user}\ndefault_internal_group = ${who.processes.group}`
    : 'default_login_user = dovenull\ndefault_internal_user = root';
  return `# A private Dovecot for one test: its own port, maildir, sockets, state and log; nothing of the system's.
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
${users}
# Shows each session's current command (IDLE) in its process title.
verbose_proctitle = yes
mail_location = maildir:${dir}/Maildir
passdb {
  driver = static
  args = password=${DOVECOT_PASS}
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${dir}/home
}
# No chroot: only root may, and the tests may run as another user.
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** The process ids of a process group, from /proc. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return members;
}

const titleOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
};

/**
 * A real Dovecot for one test, started privately from a temp directory (dovecot -F -c <its config>) on a
 * port found free, one user, one maildir; never the system's service. `kill` is the server dying at once:
 * SIGKILL to its whole process group, so no IMAP process lingers on to serve a session it had. `start`
 * again brings it back on the same port and maildir, as after a crash.
 */
export class PrivateDovecot {
  readonly dir: string;
  private readonly who = account();
  private child: ChildProcess | null = null;
  private stderr = '';
  private delivered = 0;
  private readonly onExit = () => this.killGroup();

  private constructor(readonly port: number) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-dovecot-'));
    chmodSync(this.dir, 0o755);
    for (const sub of ['run', 'state']) mkdirSync(path.join(this.dir, sub));
    for (const sub of ['home', 'Maildir', 'Maildir/new', 'Maildir/cur', 'Maildir/tmp']) this.own(path.join(this.dir, sub), true);
    writeFileSync(this.configFile, config(this.dir, port, this.who));
  }

  static async create(): Promise<PrivateDovecot> {
    return new PrivateDovecot(await freePort()).start();
  }

  get configFile(): string {
    return path.join(this.dir, 'dovecot.conf');
  }

  /** The CMS's mailbox settings for this server. */
  env(): Record<string, string> {
    return { MAIL_IMAP_HOST: '127.0.0.1', MAIL_IMAP_PORT: String(this.port), MAIL_IMAP_SECURE: 'false', MAIL_IMAP_USER: DOVECOT_USER, MAIL_IMAP_PASS: DOVECOT_PASS };
  }

  log(): string {
    try {
      return readFileSync(path.join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  }

  async start(): Promise<this> {
    if (this.child) return this;
    rmSync(path.join(this.dir, 'run', 'master.pid'), { force: true });
    this.stderr = '';
    const child = spawn(binaryOf(PACKAGE), ['-F', '-c', this.configFile], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    process.once('exit', this.onExit);
    const exited = once(child, 'exit').then(([code, signal]) => {
      throw new Error(`dovecot exited (${signal ?? code}) before it listened on ${this.port}:\n${this.stderr}${this.log()}\n(check: doveconf -n -c ${this.configFile})`);
    });
    try {
      await Promise.race([exited, this.listening()]);
    } catch (error) {
      await this.kill();
      throw error;
    }
    exited.catch(() => undefined);
    return this;
  }

  /** The server dies: every process of it, at once (SIGKILL); resolves when none is left. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
    this.killGroup();
    await gone;
    await waitFor(() => groupMembers(child.pid!).length === 0, 10_000, `the processes of dovecot ${child.pid} to end`);
    this.child = null;
    process.off('exit', this.onExit);
  }

  /** Kills the server and removes its directory: the maildir, the log and all. */
  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Whether a session is in IDLE right now (Dovecot puts the command in the process title). */
  idling(): boolean {
    const pid = this.child?.pid;
    return pid !== undefined && groupMembers(pid).some((member) => /^dovecot\/imap \[.* IDLE\]$/.test(titleOf(member)));
  }

  /** A mail arrives as another client's APPEND does; the server tells the sessions watching the mailbox. */
  async append(raw: string): Promise<void> {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: DOVECOT_USER, pass: DOVECOT_PASS }, logger: false });
    await client.connect();
    try {
      await client.append('INBOX', raw);
    } finally {
      await client.logout();
    }
  }

  /** A mail arrives as a local delivery agent puts it: a file into Maildir/new (written in tmp/, then moved). Works with the server down. */
  drop(raw: string): void {
    this.delivered += 1;
    const name = `${Math.floor(Date.now() / 1000)}.M${process.hrtime.bigint() % 1_000_000n}P${process.pid}Q${this.delivered}.${os.hostname()}`;
    const temporary = path.join(this.dir, 'Maildir', 'tmp', name);
    writeFileSync(temporary, raw);
    this.own(temporary, false);
    renameSync(temporary, path.join(this.dir, 'Maildir', 'new', name));
  }

  private own(file: string, directory: boolean): void {
    if (directory) mkdirSync(file, { recursive: true });
    if (process.getuid?.() === 0) chownSync(file, this.who.uid, this.who.gid);
  }

  private killGroup(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /** Resolves once the port takes connections. */
  private async listening(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (open) return;
      if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${this.port} within 15 s:\n${this.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
