import type { AddressInfo, Socket } from 'node:net';
import hoodiecrow, { type HoodiecrowServer } from 'hoodiecrow-imap';
import type { ImapSettings } from '../../plugins/channels/src/email/config';

/**
 * hoodiecrow's own IDLE keeps a 30-minute timer per IDLE that only a DONE clears; a connection cut mid-IDLE
 * (what these tests do on purpose) would leave it holding jest open. The same command without the timer.
 */
function idleWithoutTimer(server: HoodiecrowServer): void {
  server.registerCapability('IDLE');
  server.setCommandHandler('IDLE', (connection, parsed, data, callback) => {
    if (connection.state === 'Not Authenticated') {
      connection.send({ tag: parsed.tag, command: 'NO', attributes: [{ type: 'TEXT', value: 'Login first' }] }, 'INVALID COMMAND', parsed, data);
      return callback();
    }
    connection.directNotifications = true;
    connection.inputHandler = (line) => {
      connection.inputHandler = false;
      const done = line.toUpperCase() === 'DONE';
      connection.send({ tag: parsed.tag, command: done ? 'OK' : 'BAD', attributes: [{ type: 'TEXT', value: 'IDLE terminated' }] }, 'IDLE', parsed, data);
    };
    connection.socket?.write('+ idling\r\n');
    connection.processNotifications();
    return callback();
  });
}

/**
 * The Dinas mailbox for a test: hoodiecrow in-process on port 0 (a real IMAP server, in memory, a fresh
 * state per instance), user testuser/testpass. `deliver` appends as an APPEND from another client does,
 * telling connected clients (EXISTS); `dropConnections` is the server cutting every session.
 */
export class FakeImap {
  private readonly server: HoodiecrowServer;
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  private readonly held = new Map<Socket, { write: (chunk: string | Uint8Array) => boolean; in: Buffer[]; out: (string | Uint8Array)[] }>();
  connections = 0;

  constructor(options: { messages?: string[]; uidValidity?: number } = {}) {
    this.server = hoodiecrow({
      plugins: [idleWithoutTimer, 'ENABLE', 'ID', 'UIDPLUS'],
      storage: { INBOX: { messages: options.messages ?? [], uidvalidity: options.uidValidity ?? 1 }, '': {} },
    });
    this.server.server.on('connection', (socket: Socket) => {
      // hoodiecrow writes a response in several small pieces; with Nagle's algorithm each command would wait
      // out the client's delayed ACK (40 ms), which real servers do not make their clients do.
      socket.setNoDelay(true);
      this.connections += 1;
      this.sockets.add(socket);
      this.watch(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.held.delete(socket);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  settings(overrides: Partial<ImapSettings> = {}): ImapSettings {
    return { host: '127.0.0.1', port: this.port, secure: false, user: 'testuser', pass: 'testpass', mailbox: 'INBOX', pollSeconds: 60, ...overrides };
  }

  /** The CMS's environment for reading this mailbox. */
  env(): Record<string, string> {
    const { port, user, pass } = this.settings();
    return { MAIL_IMAP_HOST: '127.0.0.1', MAIL_IMAP_PORT: String(port), MAIL_IMAP_SECURE: 'false', MAIL_IMAP_USER: user, MAIL_IMAP_PASS: pass };
  }

  /** A mail arrives; returns its UID. */
  deliver(raw: string, internalDate?: Date): number {
    return this.server.appendMessage('INBOX', [], internalDate && this.server.formatInternalDate(internalDate), raw).message.uid;
  }

  /** What the mailbox holds, flags included (the watcher must leave them untouched). */
  messages(): { uid: number; flags: string[] }[] {
    return this.inbox().messages.map(({ uid, flags }) => ({ uid, flags: [...flags] }));
  }

  /** As a server does after a restore or a migration: every UID the clients knew is void. */
  setUidValidity(value: number): void {
    this.inbox().uidvalidity = value;
  }

  /** The mail admin changes the mailbox's password: logins with the old one are refused (AUTHENTICATIONFAILED). */
  setPassword(password: string): void {
    this.server.users.testuser.password = password;
  }

  /**
   * The server hangs: it keeps every connection open, reads nothing and answers nothing (what it had started
   * to answer is held back too), until `thaw` hands it what came meanwhile.
   */
  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const [socket, held] of this.held) {
      for (const chunk of held.out.splice(0)) held.write(chunk);
      for (const chunk of held.in.splice(0)) socket.emit('data', chunk);
    }
  }

  /** Connections of the frozen server with something unread from the client or unsent to it: clients waiting on the server. */
  waitingClients(): number {
    return [...this.held.values()].filter((held) => held.in.length > 0 || held.out.length > 0).length;
  }

  /** Every connection passes through here, so that a freeze can hold what comes in and what goes out. */
  private watch(socket: Socket): void {
    const held = { write: socket.write.bind(socket) as (chunk: string | Uint8Array) => boolean, in: [] as Buffer[], out: [] as (string | Uint8Array)[] };
    this.held.set(socket, held);
    const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === 'data' && this.frozen) {
        held.in.push(args[0] as Buffer);
        return true;
      }
      return emit(event, ...args);
    }) as Socket['emit'];
    socket.write = ((chunk: string | Uint8Array) => {
      if (!this.frozen) return held.write(chunk);
      held.out.push(chunk);
      return true;
    }) as Socket['write'];
  }

  openConnections(): number {
    return this.sockets.size;
  }

  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private inbox() {
    return this.server.getMailbox('INBOX')!;
  }
}
