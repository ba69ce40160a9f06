/** The part of hoodiecrow-imap 2.1 (no typings of its own) that tests/helpers/fake-imap.ts uses. */
declare module 'hoodiecrow-imap' {
  import type { Server, Socket } from 'node:net';

  namespace hoodiecrow {
    interface HoodiecrowMessage {
      raw: string;
      uid: number;
      flags: string[];
      internaldate: string;
    }

    interface HoodiecrowMailbox {
      messages: HoodiecrowMessage[];
      uidvalidity: number;
      uidnext: number;
    }

    interface HoodiecrowResponse {
      tag: string;
      command: string;
      attributes?: { type: string; value: string }[];
    }

    interface HoodiecrowConnection {
      state: string;
      socket: Socket | null;
      directNotifications: boolean;
      inputHandler: false | ((line: string) => void);
      send(response: HoodiecrowResponse, description: string, parsed: unknown, data: unknown): void;
      processNotifications(): void;
    }

    type CommandHandler = (connection: HoodiecrowConnection, parsed: { tag: string; attributes?: unknown }, data: unknown, callback: () => void) => void;

    interface HoodiecrowServer {
      server: Server;
      users: Record<string, { password: string }>;
      registerCapability(keyword: string): void;
      setCommandHandler(command: string, handler: CommandHandler): void;
      getMailbox(path: string): HoodiecrowMailbox | undefined;
      appendMessage(mailbox: string, flags: string[], internaldate: string | undefined, raw: string): { message: HoodiecrowMessage };
      formatInternalDate(date: Date): string;
      close(callback?: () => void): void;
    }

    interface HoodiecrowOptions {
      plugins?: (string | ((server: HoodiecrowServer) => void))[];
      storage?: Record<string, { messages?: (string | { raw: string; internaldate?: Date | string; flags?: string[] })[]; uidvalidity?: number }>;
      debug?: boolean;
    }
  }

  function hoodiecrow(options?: hoodiecrow.HoodiecrowOptions): hoodiecrow.HoodiecrowServer;
  export = hoodiecrow;
}
