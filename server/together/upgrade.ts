/**
 * `GET /api/projects/:id/live` upgraded to a WebSocket: a browser joins the project's co-editing
 * room. The same guards as every `/api` request, by hand (an upgrade never reaches Express): the
 * Host must be this studio's and the Origin its own page (a page elsewhere must not open a socket
 * with the user's cookie), and the studio token must come as the cookie or a Bearer header. A
 * read-only share link is never enough: a room is for editing.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request } from 'express';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { allowedHostHeaders, type OriginGuardOptions } from '../http/origin-guard.ts';
import { bearerOf, cookieValue, tokenCookieName, tokensEqual } from '../http/token.ts';
import type { CoEditingRooms } from './rooms.ts';
import type { Peer } from './room.ts';

const LIVE_PATH = /^\/api\/projects\/([^/?#]+)\/live(?:\?.*)?$/;
/** As large as a document the API accepts. */
const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
const KEEPALIVE_MS = 30_000;

export interface CoEditingAccess extends OriginGuardOptions {
  token: string;
  rooms: CoEditingRooms;
}

/** Why an upgrade is refused, as an HTTP status and a reason; undefined to accept it. */
export function refusalOf(req: IncomingMessage, access: CoEditingAccess): { status: number; reason: string } | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHostHeaders(req.socket.localPort ?? 0, access).has(host)) return { status: 403, reason: 'Host is not this studio' };
  const origin = req.headers.origin?.toLowerCase();
  const extra = (access.allowedOrigins ?? []).map((o) => new URL(o).origin.toLowerCase());
  if (origin !== undefined && origin !== `http://${host}` && !extra.includes(origin)) return { status: 403, reason: 'another site may not use this studio' };
  const given = bearerOf(req as Request) ?? cookieValue(req as Request, tokenCookieName(req.socket.localPort ?? 0));
  if (given === undefined || !tokensEqual(given, access.token)) return { status: 401, reason: 'the studio token is missing or wrong' };
  return undefined;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data);

/** Serves co-editing rooms on `server`'s upgrade requests; returns a function that stops it. */
export function serveCoEditing(server: Server, access: CoEditingAccess): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const match = LIVE_PATH.exec(req.url ?? '');
    if (!match) return refuse(socket, 404, 'Not Found');
    const refusal = refusalOf(req, access);
    if (refusal) return refuse(socket, refusal.status, refusal.reason);
    const projectId = decodeURIComponent(match[1]);
    sockets.handleUpgrade(req, socket, head, (ws) => void join(ws, projectId, access.rooms));
  };
  server.on('upgrade', onUpgrade);
  const keepalive = setInterval(() => {
    for (const ws of sockets.clients) {
      if ((ws as AliveSocket).alive === false) ws.terminate();
      else {
        (ws as AliveSocket).alive = false;
        ws.ping();
      }
    }
  }, KEEPALIVE_MS);
  keepalive.unref();
  return () => {
    clearInterval(keepalive);
    server.off('upgrade', onUpgrade);
    for (const ws of sockets.clients) ws.terminate();
    sockets.close();
  };
}

type AliveSocket = WebSocket & { alive?: boolean };

async function join(ws: AliveSocket, projectId: string, rooms: CoEditingRooms): Promise<void> {
  ws.binaryType = 'nodebuffer';
  ws.alive = true;
  ws.on('pong', () => (ws.alive = true));
  // Messages that arrive while the room opens wait for it.
  const early: Uint8Array[] = [];
  let room: Awaited<ReturnType<CoEditingRooms['roomFor']>>;
  let joined = false;
  const peer: Peer = {
    send: (data) => ws.readyState === WebSocket.OPEN && ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  };
  ws.on('message', (data) => {
    if (!room || !joined) return void early.push(bytesOf(data));
    if (!room.room.receive(peer, bytesOf(data))) ws.close(4400, 'not a co-editing message');
  });
  ws.on('close', () => joined && room?.room.leave(peer));
  try {
    room = await rooms.roomFor(projectId);
  } catch {
    return ws.close(1011, 'the project could not be opened');
  }
  if (!room) return ws.close(4404, 'no such project');
  if (ws.readyState !== WebSocket.OPEN) return;
  room.room.join(peer);
  joined = true;
  for (const data of early.splice(0)) if (!room.room.receive(peer, data)) return ws.close(4400, 'not a co-editing message');
}
