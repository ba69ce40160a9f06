import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A fake service's HTTP side: listening on a free port of 127.0.0.1, and stopped with its open connections cut. */
export interface FakeHttp {
  port: number;
  stop(): Promise<void>;
}

export async function listenFake(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<FakeHttp> {
  const sockets = new Set<Socket>();
  const server = createServer(handle);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
