// One port for HTTP/1.1 and cleartext HTTP/2: @aws-sdk/client-bedrock answers over HTTP/1.1,
// while @aws-sdk/client-bedrock-runtime's default handler is NodeHttp2Handler, which speaks
// HTTP/2 with prior knowledge to an http:// endpoint. Each connection is sent to the server
// its first bytes (the HTTP/2 preface, or a request line) belong to.
import http from "node:http";
import http2 from "node:http2";
import net, { type AddressInfo } from "node:net";
import { Duplex } from "node:stream";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const PREFACE = Buffer.from("PRI * HTTP/2.0");

export async function listenHttp1And2(handler: Handler, port: number, host: string) {
  const h1 = http.createServer(handler);
  h1.keepAliveTimeout = 5_000;
  // The compatibility API's request and response mirror http's, which is all the handler uses.
  const h2 = http2.createServer(handler as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void);
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on("session", (s) => {
    sessions.add(s);
    s.once("close", () => sessions.delete(s));
  });
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.once("data", (first) => {
      socket.pause();
      if (first.subarray(0, PREFACE.length).equals(PREFACE)) {
        h2.emit("connection", replay(socket, first));
      } else {
        socket.unshift(first);
        h1.emit("connection", socket);
      }
      socket.resume();
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(port, host, () => resolve());
  });
  return {
    port: (front.address() as AddressInfo).port,
    async close() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      h1.closeAllConnections();
      for (const s of sessions) s.destroy();
      for (const socket of sockets) socket.destroy();
      h2.close();
      await closed;
    },
  };
}

/**
 * The socket as a stream that starts with the bytes already read. http2 reads a net.Socket
 * through its native handle, which skips data pushed back with unshift(); a plain Duplex is
 * read through JS, so nothing is lost.
 */
function replay(socket: net.Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {},
    write(chunk, encoding, callback) {
      socket.write(chunk, encoding, callback);
    },
    final(callback) {
      socket.end();
      callback();
    },
    destroy(err, callback) {
      socket.destroy();
      callback(err);
    },
  });
  duplex.push(first);
  socket.on("data", (chunk) => duplex.push(chunk));
  socket.on("end", () => duplex.push(null));
  socket.on("close", () => duplex.destroy());
  return duplex;
}
